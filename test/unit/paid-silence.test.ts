import {describe, expect, it} from 'vitest';
import {narrationOf, type SceneSpeech} from '../../src/narration';
import {moneyAskSpeech} from '../../src/paid-silence';
import {computeRenderInput} from '../../src/render-input';
import type {TemplateBill} from '../../src/templates/registry';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';

/** Speech as synthesis would measure it: each sentence of the narration 1.8 s long, 0.2 s apart. */
const spoken = (bill: TemplateBill): SceneSpeech[] =>
	narrationOf(bill, computeRenderInput({...bill, format: 'landscape'}).timeline.scenes).map(({sceneId, sentences}) => ({
		sceneId,
		durationMs: sentences.length * 2000,
		sentences: sentences.map((text, index) => ({text, startMs: index * 2000, endMs: index * 2000 + 1800})),
	}));

/** What the voice says over each silenced stretch. */
const silenced = (bill: TemplateBill) => {
	const input = {...bill, format: 'landscape' as const, narration: {audioSrc: '/n.m4a', speech: spoken(bill)}};
	const {timeline} = computeRenderInput(input);
	return moneyAskSpeech(input).map((range) => {
		const scene = timeline.scenes.filter((s) => s.from <= range.from).at(-1)!;
		const speech = input.narration.speech.find((s) => s.sceneId === scene.id)!;
		const offsetMs = (range.from * 1000) / timeline.fps - ((scene.from * 1000) / timeline.fps + 400);
		const sentence = speech.sentences.find((s) => Math.abs(s.startMs - offsetMs) < 1000 / timeline.fps)!;
		return {scene: scene.id, text: sentence.text, frames: range.to - range.from};
	});
};

describe('a paid bill’s voice', () => {
	it('is silenced where it names a button asking for money, in every language, and over a direct debit still to come', () => {
		const english = telcoFixtures['en-GB'];
		expect(silenced({template: 'telco-bill', bill: telcoFixtures['en-GB']})).toEqual([{scene: 'due', text: 'Button: Pay sixty-eight euros forty now.', frames: 54}]);
		const inLocale = (locale: string) => ({template: 'telco-bill' as const, bill: {...english, customer: {...english.customer, locale}}});
		expect(silenced(inLocale('it-IT')).map((s) => s.text)).toEqual(['Pulsante: Paga ora sessantotto euro e quaranta centesimi.']);
		expect(silenced(inLocale('ko-KR')).map((s) => s.text)).toEqual([expect.stringMatching(/^버튼: /)]);
		// The Italian fixture pays by direct debit: no button asks for money, but a debit still to come is not said once paid.
		expect(silenced({template: 'telco-bill', bill: telcoFixtures['it-IT']}).map((s) => s.text)).toEqual([expect.stringMatching(/^Non devi fare nulla: addebiteremo/)]);
	});

	it('is silenced over a reminder’s debt, its pay button and its instalment plan, not over “talk to us”', () => {
		const bill = {template: 'payment-reminder' as const, bill: reminderFixtures['en-GB']};
		const quiet = new Set(silenced(bill).map((s) => s.text));
		expect(quiet).toContain('Button: Pay in three instalments.');
		expect([...quiet]).toContainEqual(expect.stringMatching(/^Button: Pay .* now\.$/));
		expect([...quiet]).toContainEqual(expect.stringMatching(/not received your payment/));
		const heard = spoken(bill).flatMap((scene) => scene.sentences.map((s) => s.text)).filter((text) => !quiet.has(text));
		expect(heard).toContainEqual(expect.stringMatching(/^Button: Talk to us/));
		expect(heard.some((text) => /instalment|not received|late/i.test(text))).toBe(false);
	});
});
