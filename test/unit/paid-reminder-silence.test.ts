import {describe, expect, it} from 'vitest';
import {captionCues} from '../../src/captions';
import {videoFormats} from '../../src/formats';
import {buttonSentence, narrationOf, type SceneSpeech} from '../../src/narration';
import {moneyAskSpeech} from '../../src/paid-silence';
import {asPaidBill} from '../../src/paid-state';
import {computeRenderInput, scriptFor, type RenderRequestInput} from '../../src/render-input';
import {reminderEdgeBills} from '../../src/templates/payment-reminder/reminder-edge-bills';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {reminderWordsFor} from '../../src/templates/payment-reminder/reminder-words';
import type {PaymentReminder} from '../../src/templates/payment-reminder/payment-reminder-schema';

const sent = (bill: PaymentReminder) => ({template: 'payment-reminder' as const, bill});

/** Speech as synthesis would measure it for the reminder as sent: each sentence 1.8 s long, 0.2 s apart. */
const spoken = (bill: PaymentReminder): SceneSpeech[] =>
	narrationOf(sent(bill), computeRenderInput({...sent(bill), format: 'landscape'}).timeline.scenes).map(({sceneId, sentences}) => ({
		sceneId,
		durationMs: sentences.length * 2000,
		sentences: sentences.map((text, index) => ({text, startMs: index * 2000, endMs: index * 2000 + 1800})),
	}));

/** What the voice still says once the reminder is paid: every sentence outside the silenced stretches, by scene. */
const heardOncePaid = (bill: PaymentReminder): string[] => {
	const input = {...sent(bill), format: 'landscape' as const, narration: {audioSrc: '/n.m4a', speech: spoken(bill)}};
	const {timeline} = computeRenderInput(input);
	const silent = moneyAskSpeech(input);
	const msPerFrame = 1000 / timeline.fps;
	return timeline.scenes.flatMap((scene) =>
		input.narration.speech
			.find((speech) => speech.sceneId === scene.id)!
			.sentences.filter((sentence) => {
				const middle = (scene.from * msPerFrame + 400 + (sentence.startMs + sentence.endMs) / 2) / msPerFrame;
				return !silent.some((range) => middle >= range.from && middle < range.to);
			})
			.map((sentence) => `${scene.id}: ${sentence.text}`),
	);
};

describe('a paid payment reminder', () => {
	it('keeps its voice only where it says nothing of a debt: greeting, when it was due, the call, the thanks', () => {
		expect(heardOncePaid(reminderFixtures['en-GB'])).toEqual([
			'greeting: Hi Priya Shah.',
			'greeting: A quick note about your Aurora Mobile account.',
			'overdue: It was due on the twenty-first of October.',
			'options: Button: Talk to us: plus four four, two zero, seven nine four six, zero zero zero zero.',
			'close: Thank you. We are here to help.',
		]);
		expect(heardOncePaid(reminderFixtures['it-IT'])).toEqual([
			'greeting: Ciao Luca Romano.',
			'greeting: Un breve messaggio sul tuo conto Onda Telecom.',
			'overdue: La scadenza era il trentuno ottobre.',
			expect.stringMatching(/^options: Pulsante: Parla con noi: /),
			'close: Grazie. Siamo qui per aiutarti.',
		]);
		// No plan scene here, and the debt in won.
		expect(heardOncePaid(reminderEdgeBills['no-plan']!)).toEqual([
			expect.stringMatching(/^greeting: /),
			expect.stringMatching(/^greeting: /),
			expect.stringMatching(/^overdue: 납부 기한은 /),
			expect.stringMatching(/^options: 버튼: 상담하기: /),
			'close: 감사합니다. 언제든 도와드리겠습니다.',
		]);
	});

	it('is drawn, captioned and narrated as received, never as missing, late, or to pay in instalments', () => {
		for (const locale of ['en-GB', 'it-IT', 'ko-KR'] as const) {
			const bill = reminderFixtures[locale];
			const words = reminderWordsFor(locale).paid;
			const asSent = scriptFor(sent(bill));
			const paid = asPaidBill(sent(bill));
			const script = scriptFor(paid);
			const lines = Object.values(script).flatMap((scene) => scene.lines);
			expect(lines, locale).toContain(words.overdueTitle);
			expect(script.overdue).toMatchObject({title: words.overdueTitle, daysLate: [words.inFull]});
			expect(script.plan).toMatchObject({title: words.planTitle, total: undefined});
			expect(script.options).toMatchObject({title: words.inFull, pay: undefined, plan: undefined});
			// Every line the reminder as sent says of the debt is gone: the greeting, the due date, the amount (now under "Paid in
			// full"), the call and the thanks stay.
			const kept = Object.values(asSent).flatMap((scene) => scene.lines.filter((line) => lines.includes(line)));
			expect(kept, locale).toEqual([...asSent.greeting!.lines, asSent.overdue!.lines[1], asSent.options!.lines[1], asSent.options!.lines.at(-1), ...asSent.close!.lines]);
			// Nor does its voice name a button asking for money.
			const said = narrationOf(paid, computeRenderInput({...paid, format: 'landscape'}).timeline.scenes).flatMap((scene) => scene.sentences);
			const asks = computeRenderInput({...sent(bill), format: 'landscape'}).timeline.hotspots.filter((hotspot) => hotspot.kind !== 'call');
			expect(asks.map((hotspot) => hotspot.kind)).toEqual(['pay', 'instalments']);
			for (const hotspot of asks) expect(said, locale).not.toContain(buttonSentence(sent(bill), hotspot.label));
		}
	});

	it('is captioned, cued to the voice as sent, with the lines its paid scenes draw', () => {
		const bill = reminderFixtures['it-IT'];
		const input: RenderRequestInput = {...sent(bill), format: 'portrait', narration: {audioSrc: '/n.m4a', speech: spoken(bill)}};
		const paid = asPaidBill(input);
		const {timeline} = computeRenderInput(paid);
		const cues = captionCues({timeline, script: scriptFor(paid), speech: input.narration!.speech});
		const words = reminderWordsFor('it-IT').paid;
		const overdue = timeline.scenes.find((scene) => scene.id === 'overdue')!;
		// The title is up while the voice is silent over "Non abbiamo ancora ricevuto il pagamento".
		expect(cues.find((cue) => cue.text.includes(words.overdueTitle))).toMatchObject({from: overdue.from + 12});
		const texts = cues.map((cue) => cue.text).join('\n');
		for (const line of [...scriptFor(sent(bill)).next!.lines, ...scriptFor(sent(bill)).plan!.lines]) expect(texts).not.toContain(line);
		// Never two at once, never one past its scene.
		for (const [index, cue] of cues.entries()) expect(cue.from).toBeGreaterThanOrEqual(cues[index - 1]?.to ?? 0);
	});

	it('plays on the timeline its voice and hotspots were made for, in every format, with and without a voice', () => {
		for (const bill of [...Object.values(reminderFixtures), ...Object.values(reminderEdgeBills)]) {
			for (const format of videoFormats) {
				for (const narration of [undefined, {audioSrc: '/n.m4a', speech: spoken(bill)}]) {
					const input: RenderRequestInput = {...sent(bill), format, narration};
					const paid = computeRenderInput(asPaidBill(input));
					expect(paid.inputProps.bill).toMatchObject({paid: true});
					expect(paid.timeline).toEqual(computeRenderInput(input).timeline);
				}
			}
		}
	});
});
