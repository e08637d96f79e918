import {describe, expect, it} from 'vitest';
import {captionCues} from '../../src/captions';
import {fixtureLocales} from '../../src/fixtures/locales';
import {messagesFor} from '../../src/i18n/catalogue';
import {messageVariants} from '../../src/message-variants';
import {narrationOf} from '../../src/narration';
import {scriptFor, timelineFor} from '../../src/render-input';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {telcoScript} from '../../src/templates/telco-bill/telco-script';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {utilityScript} from '../../src/templates/utility-bill/utility-script';

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
		expect(telcoScript(bill).due.lines).toEqual(['2026년 11월 3일 납부 기한이 지났습니다', '₩18,900', '₩68,900 중 ₩50,000을 납부하셨습니다', '₩18,900 지금 납부']);
	});

	it('leaves a bill that is due on time as it was', () => {
		const bill: TelcoBill = {...overdueBill('it-IT', 'soft'), payment: {status: 'due', payUrl: 'https://pay.example.com/checkout'}};
		const {lines} = telcoScript(bill).due;
		expect([lines[0], lines[2]]).toEqual(['Scadenza: 3 novembre 2026', 'Nessuna fretta: va bene qualsiasi giorno prima di allora, e basta un minuto.']);
	});
});
