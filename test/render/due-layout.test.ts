import {showHeldFrame, useLayoutStage} from './layout-stage';
import {describe, expect, it} from 'vitest';
import {videoFormats} from '../../src/formats';
import type {RenderRequestInput} from '../../src/render-input';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import type {LayoutProblem} from './layout-page';

/** A bill of one line for `amountDue`, so its lines still add up to it. */
const telcoFor = (locale: 'it-IT' | 'ko-KR', amountDue: number, payment: TelcoBill['payment'], messageVariant?: TelcoBill['messageVariant']): TelcoBill => {
	const bill = telcoFixtures[locale];
	return {
		...bill,
		amountDue,
		dueDate: '2026-11-03',
		lineItems: [{...bill.lineItems[0]!, amount: amountDue}],
		previousByCategory: undefined,
		payment,
		...(messageVariant ? {messageVariant} : {}),
	};
};

const payUrl = 'https://pay.example.com/checkout';

/** The audit's bills: an overdue Italian bill with the soft wording, and a partly paid Korean one; then the utility due scene. */
const bills: Record<string, Omit<RenderRequestInput, 'format'>> = {
	'overdue soft it-IT': {template: 'telco-bill', bill: telcoFor('it-IT', 16639, {status: 'overdue', payUrl}, 'soft')},
	'due soft it-IT': {template: 'telco-bill', bill: telcoFor('it-IT', 16639, {status: 'due', payUrl}, 'soft')},
	'partly paid ko-KR': {template: 'telco-bill', bill: telcoFor('ko-KR', 138710, {status: 'due', payUrl, amountPaid: 50000})},
	'overdue partly paid firm ko-KR': {template: 'telco-bill', bill: telcoFor('ko-KR', 138710, {status: 'overdue', payUrl, amountPaid: 50000}, 'firm')},
	'utility soft ko-KR': {template: 'utility-bill', bill: {...utilityFixtures['ko-KR'], messageVariant: 'soft'}},
	'utility soft it-IT': {template: 'utility-bill', bill: {...utilityFixtures['it-IT'], messageVariant: 'soft', payment: {status: 'due', payUrl}}},
	'utility overdue soft it-IT': {template: 'utility-bill', bill: {...utilityFixtures['it-IT'], messageVariant: 'soft', payment: {status: 'overdue', payUrl}}},
} as Record<string, Omit<RenderRequestInput, 'format'>>;

const stage = useLayoutStage();

/** Each line of text over or beside a button, with the clear space between the two, in composition pixels. */
const lineGaps = (): Array<{text: string; gap: number}> => {
	const host = document.getElementById('root')!;
	const buttons = [...host.querySelectorAll('[data-non-text="hotspot"]')].map((button) => button.getBoundingClientRect());
	const gaps: Array<{text: string; gap: number}> = [];
	for (const element of host.querySelectorAll('*')) {
		if (element.closest('[data-non-text="hotspot"]')) continue;
		for (const node of element.childNodes) {
			if (node.nodeType !== Node.TEXT_NODE || node.textContent!.trim() === '') continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			for (const line of range.getClientRects()) {
				for (const button of buttons) {
					if (line.right <= button.left || line.left >= button.right) continue;
					const gap = line.top < button.top ? button.top - line.bottom : line.top - button.bottom;
					gaps.push({text: node.textContent!.trim().slice(0, 40), gap: Math.round(gap)});
				}
			}
		}
	}
	return gaps;
};

describe('the due scene keeps its words clear of the pay button', () => {
	describe.each(Object.entries(bills))('%s', (_, input) => {
		it.each(videoFormats)('%s', async (format) => {
			const request = {...input, format} as RenderRequestInput;
			const {timeline} = await showHeldFrame(stage.page, request, 'due');
			const problems: LayoutProblem[] = await stage.page.evaluate(() => window.measureFrame({minTextPx: 0, minTargetPx: 0}));
			expect(problems.filter((p) => !p.kind.endsWith('contrast'))).toEqual([]);
			// A design unit is 1 px on a 720 px high landscape frame; the words keep at least 24 of them above the button.
			const margin = (24 * Math.min(timeline.width, timeline.height)) / 720;
			const gaps = await stage.page.evaluate(lineGaps);
			expect(gaps.length).toBeGreaterThan(0);
			expect(gaps.filter(({gap}) => gap < margin)).toEqual([]);
		});
	});
});
