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
	it('is silenced only where it names a button asking for money, in every language', () => {
		const english = telcoFixtures['en-GB'];
		expect(silenced({template: 'telco-bill', bill: telcoFixtures['en-GB']})).toEqual([{scene: 'due', text: 'Button: Pay sixty-eight euros forty now.', frames: 54}]);
		const inLocale = (locale: string) => ({template: 'telco-bill' as const, bill: {...english, customer: {...english.customer, locale}}});
		expect(silenced(inLocale('it-IT')).map((s) => s.text)).toEqual(['Pulsante: Paga ora sessantotto euro e quaranta centesimi.']);
		expect(silenced(inLocale('ko-KR')).map((s) => s.text)).toEqual([expect.stringMatching(/^버튼: /)]);
		// The Italian fixture pays by direct debit: nothing on it asks for money, so nothing is silenced.
		expect(silenced({template: 'telco-bill', bill: telcoFixtures['it-IT']})).toEqual([]);
	});

	it('is silenced over a reminder’s pay button and its instalment plan, not over “talk to us”', () => {
		const stretches = silenced({template: 'payment-reminder', bill: reminderFixtures['en-GB']});
		expect(stretches.map((s) => s.text)).toEqual([expect.stringMatching(/^Button: Pay .* now\.$/), 'Button: Pay in three instalments.']);
	});
});
