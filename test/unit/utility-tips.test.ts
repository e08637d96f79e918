import {describe, expect, it} from 'vitest';
import {fixtureLocales} from '../../src/fixtures/locales';
import type {UtilityBill} from '../../src/templates/utility-bill/utility-bill-schema';
import {utilityEdgeBills} from '../../src/templates/utility-bill/utility-edge-bills';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {utilityScript} from '../../src/templates/utility-bill/utility-script';
import {utilityWordsFor} from '../../src/templates/utility-bill/utility-words';

const kinds = ['electricity', 'gas', 'water'] as const;

/** Bills whose numbers trigger few tips: one reading (zero or not), no last year, no similar homes, about the same as both. */
const quietBills = (bill: UtilityBill): UtilityBill[] => {
	const now = bill.consumption.at(-1)!.amount;
	const bare = {...bill, samePeriodLastYear: undefined, similarHomes: undefined};
	return [
		{...bare, consumption: [{periodEnd: bill.period.end, amount: 0}]},
		{...bare, consumption: [{periodEnd: bill.period.end, amount: now}]},
		{...bill, samePeriodLastYear: now, similarHomes: now, consumption: bill.consumption.slice(-2)},
		{...bare, consumption: bill.consumption.map((point) => ({...point, amount: 0}))},
	];
};

describe('a utility bill always gives two or three saving tips', () => {
	it.each(fixtureLocales)('%s, every kind, however little the numbers say', (locale) => {
		for (const kind of kinds) {
			for (const bill of [utilityFixtures[locale], ...quietBills({...utilityFixtures[locale], kind})]) {
				const {tips} = utilityScript({...bill, kind}).tips;
				expect(tips.length, `${kind} ${JSON.stringify(bill.consumption)}`).toBeGreaterThanOrEqual(2);
				expect(tips.length).toBeLessThanOrEqual(3);
				expect(new Set(tips).size).toBe(tips.length);
			}
		}
	});

	it('a water bill with a single zero reading: meter readings and an everyday water saving', () => {
		const words = utilityWordsFor('en-GB');
		expect(utilityScript(utilityEdgeBills['water-nothing-used']!).tips.tips).toEqual([words.tips.meterReadings, words.advice.water.everyDay]);
	});

	it('names no highest period when nothing was used in any', () => {
		const bill = utilityFixtures['en-GB'];
		const zeros = {...bill, consumption: bill.consumption.map((point) => ({...point, amount: 0}))};
		const peak = utilityWordsFor('en-GB').tips.peak.split('{')[0]!;
		expect(utilityScript(zeros).tips.tips.some((tip) => tip.startsWith(peak))).toBe(false);
		expect(utilityScript(bill).tips.tips.some((tip) => tip.startsWith(peak))).toBe(true);
	});
});
