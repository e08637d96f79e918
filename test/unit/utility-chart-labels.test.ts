import {describe, expect, it} from 'vitest';
import {barNames, labelStep, type ConsumptionBar} from '../../src/templates/utility-bill/utility-chart-labels';
import {utilityEdgeBills} from '../../src/templates/utility-bill/utility-edge-bills';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {utilityScript} from '../../src/templates/utility-bill/utility-script';

const barsOf = (labels: readonly string[]): ConsumptionBar[] => labels.map((label) => ({label, value: 1}));
/** A name fits when it has no more characters than ten per bar it may take. */
const tenPerBar = (text: string, bars: number) => text.length <= 10 * bars;

describe('consumption chart labels', () => {
	it('names every bar when the names fit, however few bars there are', () => {
		expect(labelStep(barsOf(['ago', 'ott']), tenPerBar)).toBe(1);
		expect(barNames(barsOf(['ago', 'ott']), 1)).toEqual([{month: 'ago'}, {month: 'ott'}]);
		expect(barNames(barsOf(['6월', '8월', '10월']), labelStep(barsOf(['6월', '8월', '10월']), tenPerBar))).toEqual([{month: '6월'}, {month: '8월'}, {month: '10월'}]);
	});

	it('thins the names only as far as they need, always naming this period', () => {
		const bars = barsOf(['a'.repeat(15), 'b', 'c', 'd', 'e']);
		expect(labelStep(bars, tenPerBar)).toBe(2);
		expect(barNames(bars, 2).map((name) => name?.month)).toEqual(['a'.repeat(15), undefined, 'c', undefined, 'e']);
		expect(labelStep(barsOf(['x'.repeat(50), 'y']), tenPerBar)).toBe(2);
		expect(barNames(barsOf(['x'.repeat(50), 'y']), 2)).toEqual([undefined, {month: 'y'}]);
	});

	it('gives monthly readings within a year their months alone', () => {
		expect(utilityScript(utilityFixtures['en-GB']).consumption.bars.every((bar) => bar.year === undefined)).toBe(true);
	});

	it('tells two-monthly readings over two years apart: the year under the first named bar of each year', () => {
		const bars = utilityScript({...utilityEdgeBills['two-monthly']!, customer: {...utilityEdgeBills['two-monthly']!.customer, locale: 'en-GB'}}).consumption.bars;
		expect(barNames(bars, 1).map((name) => [name?.month, name?.year].filter(Boolean).join(' '))).toEqual([
			'Dec 2024',
			'Feb 2025',
			'Apr',
			'Jun',
			'Aug',
			'Oct',
			'Dec',
			'Feb 2026',
			'Apr',
			'Jun',
			'Aug',
			'Oct',
		]);
		// Thinned, the year moves to the first bar of the year that is still named.
		expect(barNames(bars, 3).flatMap((name) => (name ? [[name.month, name.year].filter(Boolean).join(' ')] : []))).toEqual(['Apr 2025', 'Oct', 'Apr 2026', 'Oct']);
	});

	it('writes the year as each locale does', () => {
		const bill = utilityEdgeBills['two-monthly']!;
		const first = (locale: string) => barNames(utilityScript({...bill, customer: {...bill.customer, locale}}).consumption.bars, 1)[0];
		expect(first('ko-KR')).toEqual({month: '12월', year: '2024년'});
		expect(first('it-IT')).toEqual({month: 'dic', year: '2024'});
	});

	it('dates readings twelve months apart even when no month repeats', () => {
		const bill = utilityFixtures['it-IT'];
		const bars = utilityScript({...bill, consumption: [{periodEnd: '2025-09-30', amount: 1}, {periodEnd: '2026-10-31', amount: 2}]}).consumption.bars;
		expect(bars.map((bar) => bar.year)).toEqual(['2025', '2026']);
	});
});
