import {describe, expect, it} from 'vitest';
import {captionCues} from '../../src/captions';
import {todayAnywhereOnEarth} from '../../src/dates';
import {asSeenOn, isOverdueOn} from '../../src/due-state';
import {fixtureLocales} from '../../src/fixtures/locales';
import {messagesFor} from '../../src/i18n/catalogue';
import {messageVariants} from '../../src/message-variants';
import {narrationOf, SPEECH_LEAD_IN_MS} from '../../src/narration';
import {computeRenderInput, scriptFor, timelineFor} from '../../src/render-input';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import type {TemplateBill} from '../../src/templates/registry';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {telcoScript} from '../../src/templates/telco-bill/telco-script';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {utilityScript} from '../../src/templates/utility-bill/utility-script';
import {speechUnsaidBy} from '../../src/unsaid-speech';

const overdueBill = (locale: (typeof fixtureLocales)[number], messageVariant: (typeof messageVariants)[number]): TelcoBill => ({
	...telcoFixtures[locale],
	dueDate: '2026-11-03',
	messageVariant,
	payment: {status: 'overdue', payUrl: 'https://pay.example.com/checkout'},
});

/** The words around the date in "the payment date has passed", which any rendering of it must contain. */
const passedWords = (locale: string): string[] =>
	messagesFor(locale)
		.dueDatePassed.split('{date}')
		.map((part) => part.replace(/[,\s]+$|^[,\s]+/g, ''))
		.filter(Boolean);

describe('the due scene of an overdue bill', () => {
	it.each(fixtureLocales)('says the payment date has passed, with any wording, in %s', (locale) => {
		const messages = messagesFor(locale);
		for (const messageVariant of messageVariants) {
			const bill = overdueBill(locale, messageVariant);
			const {due} = telcoScript(bill);
			const onTime = telcoScript({...bill, payment: {...bill.payment, status: 'due'}}).due;
			expect(due.title).not.toBe(onTime.title);
			for (const words of passedWords(locale)) expect(due.title).toContain(words);
			// The nudge an on-time bill gets ("no rush: any day before then is fine") is never said to a late one.
			for (const variant of ['soft', 'firm'] as const) expect(due.lines).not.toContain(messages.variants[variant].dueNudge);
			if (messageVariant !== 'standard') expect(due.status).toBe(messages.variants[messageVariant].overdueNudge);
			const captions = captionCues({timeline: timelineFor({template: 'telco-bill', bill, format: 'landscape'}), script: scriptFor({template: 'telco-bill', bill})})
				.map((cue) => cue.text)
				.join('\n');
			expect(captions).toContain(due.title);
		}
	});

	it.each(fixtureLocales)('says so in the narration too, in %s', (locale) => {
		const bill = overdueBill(locale, 'soft');
		const spoken = narrationOf({template: 'telco-bill', bill}, [{id: 'due'}])[0]!.sentences.join(' ');
		for (const words of passedWords(locale)) expect(spoken).toContain(words);
		expect(spoken).not.toContain(messagesFor(locale).variants.soft.dueNudge.slice(0, 12));
	});

	it.each(fixtureLocales)('is the same in a utility bill, which plays the shared due scene, in %s', (locale) => {
		const messages = messagesFor(locale);
		const bill = {...utilityFixtures[locale], messageVariant: 'soft' as const, payment: {status: 'overdue' as const, payUrl: 'https://pay.example.com/checkout'}};
		const {due} = utilityScript(bill);
		for (const words of passedWords(locale)) expect(due.title).toContain(words);
		expect(due.status).toBe(messages.variants.soft.overdueNudge);
	});

	it('keeps what was paid on a partly paid overdue bill, under the passed date', () => {
		const bill: TelcoBill = {...overdueBill('ko-KR', 'soft'), payment: {status: 'overdue', payUrl: 'https://pay.example.com/checkout', amountPaid: 50000}};
		expect(telcoScript(bill).due.lines).toEqual(['2026년\u00a011월\u00a03일 납부 기한이 지났습니다', '₩18,900', '₩68,900 중 ₩50,000을 납부하셨습니다', '₩18,900 지금 납부']);
	});

	it('leaves a bill that is due on time as it was', () => {
		const bill: TelcoBill = {...overdueBill('it-IT', 'soft'), payment: {status: 'due', payUrl: 'https://pay.example.com/checkout'}};
		const {lines} = telcoScript(bill).due;
		expect([lines[0], lines[2]]).toEqual(['Scadenza: 3\u00a0novembre\u00a02026', 'Nessuna fretta: va bene qualsiasi giorno prima di allora, e basta un minuto.']);
	});
});

/** Render 6 of the audit: an en-GB telco bill sent as due by 21 November 2026, in the firm wording, opened on 3 December. */
const sentDue = (locale: 'en-GB' | 'it-IT', messageVariant: 'soft' | 'firm'): TemplateBill & {template: 'telco-bill'} => ({
	template: 'telco-bill',
	bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, locale}, messageVariant, payment: {status: 'due', payUrl: 'https://pay.example.com/checkout'}},
});

describe('a bill sent as due, watched once its due date has passed', () => {
	it('is overdue from the day after its due date, anywhere on earth, as the watch page badge counts', () => {
		const bill = {status: 'due' as const, amountDue: 6840, dueDate: '2026-11-21'};
		expect(isOverdueOn(bill, '2026-11-21')).toBe(false);
		expect(isOverdueOn(bill, '2026-11-22')).toBe(true);
		// 11:00 UTC on the 22nd is still the 21st at UTC−12: not yet late for every customer.
		expect(isOverdueOn(bill, todayAnywhereOnEarth(new Date('2026-11-22T11:00:00Z')))).toBe(false);
		expect(isOverdueOn(bill, todayAnywhereOnEarth(new Date('2026-11-22T12:00:00Z')))).toBe(true);
		// Nothing owed, paid or paid by card: never late. Sent overdue: late whatever the day.
		expect(isOverdueOn({...bill, amountDue: 0}, '2026-12-03')).toBe(false);
		expect(isOverdueOn({...bill, status: 'paid'}, '2026-12-03')).toBe(false);
		expect(isOverdueOn({...bill, status: 'autopay'}, '2026-12-03')).toBe(false);
		expect(isOverdueOn({...bill, status: 'overdue'}, '2026-11-01')).toBe(true);
	});

	it('says in its due scene and captions that the date has passed, with the overdue nudge, never "on time" (en-GB firm)', () => {
		const sent = sentDue('en-GB', 'firm');
		const seen = asSeenOn(sent, '2026-12-03');
		const {due} = telcoScript(seen.bill);
		expect(due.lines).toEqual(['The payment date, 21\u00a0November\u00a02026, has passed', '€68.40', 'Paying now keeps your account in good standing.', 'Pay €68.40 now']);
		const captions = captionCues({timeline: timelineFor({...seen, format: 'portrait'}), script: scriptFor(seen)}).map((cue) => cue.text).join('\n');
		expect(captions).toContain('The payment date, 21\u00a0November\u00a02026, has passed');
		expect(captions).not.toContain('on time');
		expect(captions).not.toContain('Due by');
		// The voice of the bill seen that day says the same; made for the bill as sent, it said "on time".
		const said = (input: TemplateBill) => narrationOf(input, [{id: 'due'}])[0]!.sentences.join(' ');
		expect(said(seen)).toContain('Paying now keeps your account in good standing.');
		expect(said(sent)).toContain('Paying on time');
	});

	it('says so in Italian and in the soft wording too', () => {
		const soft = asSeenOn(sentDue('it-IT', 'soft'), '2026-12-03');
		expect(telcoScript(soft.bill).due.lines.slice(0, 3)).toEqual(['La scadenza del 21\u00a0novembre\u00a02026 è passata', '68,40\u00a0€', 'Può capitare a tutti. Quando vuoi, basta un minuto.']);
		const firm = asSeenOn(sentDue('it-IT', 'firm'), '2026-12-03');
		expect(telcoScript(firm.bill).due.status).toBe('Pagando ora, il tuo conto resta in regola.');
	});

	it('is left as sent on its due date, once paid, with nothing owed, or when it is a reminder', () => {
		const sent = sentDue('en-GB', 'soft');
		expect(asSeenOn(sent, '2026-11-21')).toBe(sent);
		const paid = {...sent, bill: {...sent.bill, payment: {status: 'paid' as const}}};
		expect(asSeenOn(paid, '2026-12-03')).toBe(paid);
		const credit = {...sent, bill: {...sent.bill, amountDue: 0}};
		expect(asSeenOn(credit, '2026-12-03')).toBe(credit);
		const reminder = {template: 'payment-reminder' as const, bill: reminderFixtures['en-GB']};
		expect(asSeenOn(reminder, '2027-06-01')).toBe(reminder);
		// A utility bill plays the same due scene.
		const utility = {template: 'utility-bill' as const, bill: {...utilityFixtures['en-GB'], messageVariant: 'firm' as const}};
		expect(utilityScript(asSeenOn(utility, '2026-12-03').bill).due.status).toBe(messagesFor('en-GB').variants.firm.overdueNudge);
	});

	it('keeps its voice, made for the bill as sent, silent where it says "due by" and "on time", not over the pay button', () => {
		const sent = sentDue('en-GB', 'firm');
		const silent = computeRenderInput({...sent, format: 'portrait'}).timeline;
		const speech = narrationOf(sent, silent.scenes).map(({sceneId, sentences}) => ({
			sceneId,
			durationMs: sentences.length * 2000,
			sentences: sentences.map((text, index) => ({text, startMs: index * 2000, endMs: index * 2000 + 1800})),
		}));
		const input = {...sent, format: 'portrait' as const, narration: {audioSrc: '/n.m4a', speech}};
		const quiet = speechUnsaidBy(input, asSeenOn(sent, '2026-12-03'));
		const {timeline} = computeRenderInput(input);
		const due = timeline.scenes.find((scene) => scene.id === 'due')!;
		const dueSpeech = speech.find((scene) => scene.sceneId === 'due')!;
		const frameOf = (ms: number) => Math.floor((((due.from * 1000) / timeline.fps + SPEECH_LEAD_IN_MS + ms) * timeline.fps) / 1000);
		const hushed = dueSpeech.sentences.filter((sentence) => quiet.some((range) => range.from <= frameOf(sentence.startMs) && frameOf(sentence.startMs) < range.to));
		expect(hushed.map((sentence) => sentence.text)).toEqual([expect.stringMatching(/^Due by/), 'Paying on time keeps your account in good standing.']);
		// Nothing else the voice says changes: the greeting, the breakdown, the pay button and the close are heard.
		expect(quiet).toHaveLength(2);
		expect(speechUnsaidBy(input, asSeenOn(sent, '2026-11-21'))).toEqual([]);
	});
});
