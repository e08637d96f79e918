import {describe, expect, it} from 'vitest';
import {chartRows} from '../../src/templates/telco-bill/breakdown';
import {telcoEdgeBills} from '../../src/templates/telco-bill/telco-edge-bills';
import {utilityEdgeBills} from '../../src/templates/utility-bill/utility-edge-bills';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {formatSizes, videoFormats} from '../../src/formats';
import {computeRenderInput} from '../../src/render-input';
import {SCENE_FADE} from '../../src/scene-motion';
import {templateBillSchema} from '../../src/template-schemas';
import {allTemplateBills} from '../helpers/template-fixtures';

const overlaps = (a: {x: number; y: number; width: number; height: number}, b: typeof a) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(allTemplateBills)('$name', ({input}) => {
	it('is a valid bill for its template', () => {
		expect(templateBillSchema({}).safeParse(input).error?.issues ?? []).toEqual([]);
	});

	it.each(videoFormats)('%s: scenes back to back, holds inside scenes, hotspots inside the frame and apart', (format) => {
		const {timeline, compositionId, width, height} = computeRenderInput({...input, format});
		expect(compositionId).toBe(`${input.template}-${format}`);
		expect([width, height]).toEqual([formatSizes[format].width, formatSizes[format].height]);
		let expected = 0;
		for (const scene of timeline.scenes) {
			expect(scene.from).toBe(expected);
			expected += scene.durationInFrames;
		}
		expect(timeline.durationInFrames).toBe(expected);
		for (const hold of timeline.staticHolds) {
			const scene = timeline.scenes.find((s) => hold.from >= s.from && hold.from < s.from + s.durationInFrames)!;
			expect(hold.from).toBeGreaterThanOrEqual(scene.from + SCENE_FADE);
			expect(hold.from + hold.durationInFrames).toBe(scene.from + scene.durationInFrames - SCENE_FADE);
		}
		expect(timeline.staticHolds.some((hold) => hold.from === timeline.posterFrame)).toBe(true);
		for (const hotspot of timeline.hotspots) {
			expect(hotspot.rect.x).toBeGreaterThanOrEqual(0);
			expect(hotspot.rect.y).toBeGreaterThanOrEqual(0);
			expect(hotspot.rect.x + hotspot.rect.width).toBeLessThanOrEqual(width);
			expect(hotspot.rect.y + hotspot.rect.height).toBeLessThanOrEqual(height);
			expect(hotspot.label.length).toBeGreaterThan(0);
			const hold = timeline.staticHolds.find((h) => h.from <= hotspot.from && hotspot.from < h.from + h.durationInFrames);
			expect(hold, 'a hotspot opens only once its button stands still').toBeDefined();
			for (const other of timeline.hotspots) {
				if (other !== hotspot && other.from === hotspot.from) expect(overlaps(hotspot.rect, other.rect)).toBe(false);
			}
		}
	});
});

describe('edge bills', () => {
	it('a credit balance has no pay button', () => {
		for (const input of [
			{template: 'telco-bill' as const, bill: telcoEdgeBills['credit-balance']!},
			{template: 'utility-bill' as const, bill: utilityEdgeBills['credit-balance']!},
		]) {
			const kinds = computeRenderInput({...input, format: 'portrait'}).timeline.hotspots.map((h) => h.kind);
			expect(kinds).not.toContain('pay');
		}
	});

	it('40 line items make at most 5 chart rows, the smallest grouped into "Other", still adding up to the bill', () => {
		const bill = telcoEdgeBills['forty-line-items']!;
		const rows = chartRows(bill.lineItems);
		expect(rows.length).toBeLessThanOrEqual(5);
		expect(rows.map((row) => row.category)).toContain('other');
		expect(rows.reduce((sum, row) => sum + row.total, 0)).toBe(bill.amountDue);
	});

	it('a bill without line items or usage has no breakdown or usage scene', () => {
		const ids = computeRenderInput({template: 'telco-bill', bill: {...telcoEdgeBills['no-line-items']!, usage: undefined}, format: 'square'})
			.timeline.scenes.map((s) => s.id);
		expect(ids).toEqual(['greeting', 'total', 'due', 'close']);
	});

	it('a utility bill without similar-homes data has no comparison scene', () => {
		const ids = computeRenderInput({template: 'utility-bill', bill: utilityEdgeBills['one-reading']!, format: 'landscape'}).timeline.scenes.map(
			(s) => s.id,
		);
		expect(ids).not.toContain('similar');
	});

	it('a reminder offers pay, instalments and a call, with a tel: link', () => {
		const {hotspots} = computeRenderInput({template: 'payment-reminder', bill: reminderFixtures['en-GB'], format: 'portrait'}).timeline;
		expect(hotspots.map((h) => h.kind)).toEqual(['pay', 'instalments', 'call']);
		expect(hotspots[2]!.href).toBe('tel:+442079460000');
		expect(hotspots[0]!.label).toBe('Pay £187.50 now');
	});
});
