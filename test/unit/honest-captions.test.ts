import {describe, expect, it} from 'vitest';
import {telcoBillSchema, type TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {captionCues} from '../../src/captions';
import {fixtureLocales} from '../../src/fixtures/locales';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {messagesFor, type Messages} from '../../src/i18n/catalogue';
import {paymentReminderSchema, type PaymentReminder} from '../../src/templates/payment-reminder/payment-reminder-schema';
import {scriptFor, timelineFor} from '../../src/render-input';
import type {TemplateBill} from '../../src/templates/registry';
import {utilityBillSchema, type UtilityBill} from '../../src/templates/utility-bill/utility-bill-schema';
import {reminderWordsFor, type ReminderWords} from '../../src/templates/payment-reminder/reminder-words';
import {telcoWordsFor, type TelcoWords} from '../../src/templates/telco-bill/telco-words';
import {utilityWordsFor, type UtilityWords} from '../../src/templates/utility-bill/utility-words';

/** A catalogue string as a pattern for a whole caption line, each {placeholder} standing for any text. */
const line = (template: string): RegExp =>
	new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '.+')}$`, 'u');

/** A fact a caption may claim: the catalogue strings that claim it, and whether the bill's data says it. */
interface Claim<B, W = unknown> {
	readonly name: string;
	/** From the shared words `m` and the template's own `w`. */
	readonly says: (m: Messages, w: W) => readonly string[];
	readonly known: (bill: B) => boolean;
}

const telcoClaims: Array<Claim<TelcoBill, TelcoWords>> = [
	{name: 'first bill', says: (_, w) => [w.firstBill], known: (b) => b.firstBill === true},
	{name: 'comparison with the last bill', says: (_, w) => [w.moreThanLast, w.lessThanLast, w.sameAsLast, w.comparedToLast], known: (b) => b.previousAmount !== undefined},
	{name: 'reason for the change', says: (_, w) => [w.changeUp, w.changeDown, w.creditMoreBack, w.creditLessBack], known: (b) => b.previousByCategory !== undefined},
	{name: 'savings', says: (_, w) => [w.savedWithCredits], known: (b) => b.lineItems.some((item) => item.amount < 0)},
	{name: 'usage', says: (_, w) => [w.usageTitle, w.tipOver, w.tipOverSeveral, w.tipUnder], known: (b) => Boolean(b.usage?.data ?? b.usage?.minutes ?? b.usage?.sms)},
	{name: 'autopay card', says: (m) => [m.autopayCard], known: (b) => b.payment.cardLast4 !== undefined},
	{name: 'paid so far', says: (m) => [m.paidSoFar], known: (b) => b.payment.amountPaid !== undefined},
	{name: 'bill PDF', says: (m) => [m.viewBill], known: (b) => b.billPdfUrl !== undefined},
	{name: 'support email', says: (m) => [m.emailUs], known: (b) => b.brand.supportEmail !== undefined},
];

const utilityClaims: Array<Claim<UtilityBill, UtilityWords>> = [
	{
		name: 'comparison with last year',
		says: (_, w) => [w.vsLastYearUp, w.vsLastYearDown, w.vsLastYearSame, w.tips.upOnLastYear],
		known: (b) => b.samePeriodLastYear !== undefined,
	},
	{
		name: 'similar homes',
		says: (_, w) => [w.similarTitle, w.similarMore, w.similarLess, w.tips.aboveSimilar, w.tips.belowSimilar],
		known: (b) => b.similarHomes !== undefined,
	},
	{name: 'autopay card', says: (m) => [m.autopayCard], known: (b) => b.payment.cardLast4 !== undefined},
	{name: 'bill PDF', says: (m) => [m.viewBill], known: (b) => b.billPdfUrl !== undefined},
	{name: 'support email', says: (m) => [m.emailUs], known: (b) => b.brand.supportEmail !== undefined},
];

const reminderClaims: Array<Claim<PaymentReminder, ReminderWords>> = [
	{name: 'late fee', says: (_, w) => [w.nextSteps.late_fee], known: (r) => r.nextStep.fee !== undefined},
	{name: 'support email', says: (m) => [m.emailUs], known: (r) => r.brand.supportEmail !== undefined},
];

/** A copy of `bill` without the field at `path`. */
const without = <B,>(bill: B, path: readonly string[]): B => {
	const copy = structuredClone(bill) as Record<string, unknown>;
	const parent = path.slice(0, -1).reduce<Record<string, unknown> | undefined>((node, key) => node?.[key] as Record<string, unknown> | undefined, copy);
	if (parent) delete parent[path.at(-1)!];
	return copy as B;
};

/** Every bill of the matrix: each full bill, and each with one optional field absent, and with all of them absent. */
const matrix = <B,>(full: readonly B[], optional: ReadonlyArray<readonly string[]>): B[] =>
	full.flatMap((bill) => [bill, ...optional.map((path) => without(bill, path)), optional.reduce((b, path) => without(b, path), bill)]);

/** Every caption line: two short lines may share one cue, and each still states its own fact. */
const captionsOf = (input: TemplateBill): string[] =>
	captionCues({timeline: timelineFor({...input, format: 'landscape'}), script: scriptFor(input)}).flatMap((cue) => cue.text.split('\n'));

/** Checks every bill; returns which claims were made at least once, so a claim pattern that never matches shows up. */
const walk = <B extends {customer: {locale: string}}, W>({
	bills,
	claims,
	words,
	input,
}: {
	bills: readonly B[];
	claims: ReadonlyArray<Claim<B, W>>;
	words: (locale: string) => W;
	input: (bill: B) => TemplateBill;
}): Set<string> => {
	const made = new Set<string>();
	for (const bill of bills) {
		const captions = captionsOf(input(bill));
		const messages = messagesFor(bill.customer.locale);
		const own = words(bill.customer.locale);
		for (const claim of claims) {
			const patterns = claim.says(messages, own).map(line);
			const claiming = captions.filter((caption) => patterns.some((pattern) => pattern.test(caption)));
			if (claiming.length > 0) made.add(claim.name);
			if (!claim.known(bill)) expect({bill: bill.customer.locale, claim: claim.name, claiming}).toEqual({bill: bill.customer.locale, claim: claim.name, claiming: []});
		}
	}
	return made;
};

const telcoOptional = [
	['previousAmount'],
	['firstBill'],
	['previousByCategory'],
	['usage'],
	['usage', 'data'],
	['usage', 'minutes'],
	['usage', 'sms'],
	['payment', 'cardLast4'],
	['payment', 'amountPaid'],
	['billPdfUrl'],
	['paymentHistory'],
	['brand', 'supportEmail'],
];

describe('no caption claims a fact whose field is absent', () => {
	it('telco bills: first bill, comparisons, savings, usage, autopay card, partly paid', () => {
		const full = fixtureLocales.flatMap((locale) => {
			const bill = telcoFixtures[locale];
			const {previousAmount: _, previousByCategory: __, ...unknownPrevious} = bill;
			return [
				{...bill, payment: {status: 'due' as const, payUrl: 'https://pay.example.com/checkout'}, brand: {...bill.brand, supportEmail: 'help@example.com'}},
				{...bill, payment: {status: 'autopay' as const, cardLast4: '4242'}},
				{...unknownPrevious, firstBill: true},
				{...bill, payment: {status: 'due' as const, payUrl: 'https://pay.example.com/checkout', amountPaid: 1000}},
			];
		});
		const bills = matrix<TelcoBill>(full, telcoOptional).filter((bill) => telcoBillSchema.safeParse(bill).success);
		expect(bills.length).toBeGreaterThan(100);
		const made = walk({bills, claims: telcoClaims, words: telcoWordsFor, input: (bill) => ({template: 'telco-bill', bill})});
		expect([...made].sort()).toEqual(telcoClaims.map((claim) => claim.name).sort());
	});

	it('utility bills: comparisons with last year and similar homes, autopay card', () => {
		const full = fixtureLocales.flatMap((locale) => {
			const bill = utilityFixtures[locale];
			return [
				{...bill, billPdfUrl: 'https://my.example.com/bill.pdf', brand: {...bill.brand, supportEmail: 'help@example.com'}},
				{...bill, similarHomes: 100, payment: {status: 'autopay' as const, cardLast4: '4242'}},
			];
		});
		const optional = [['samePeriodLastYear'], ['similarHomes'], ['payment', 'cardLast4'], ['billPdfUrl'], ['brand', 'supportEmail'], ['paymentHistory']];
		const bills = matrix<UtilityBill>(full, optional).filter((bill) => utilityBillSchema.safeParse(bill).success);
		const made = walk({bills, claims: utilityClaims, words: utilityWordsFor, input: (bill) => ({template: 'utility-bill', bill})});
		expect([...made].sort()).toEqual(utilityClaims.map((claim) => claim.name).sort());
	});

	it('payment reminders: the late fee, the email button', () => {
		const full = fixtureLocales.map((locale) => {
			const reminder = reminderFixtures[locale];
			return {...reminder, brand: {...reminder.brand, supportEmail: 'help@example.com'}};
		});
		const optional = [['nextStep', 'fee'], ['brand', 'supportEmail'], ['paymentHistory']];
		const bills = matrix<PaymentReminder>(full, optional).filter((bill) => paymentReminderSchema.safeParse(bill).success);
		const made = walk({bills, claims: reminderClaims, words: reminderWordsFor, input: (bill) => ({template: 'payment-reminder', bill})});
		expect([...made].sort()).toEqual(reminderClaims.map((claim) => claim.name).sort());
	});

	it('a bill whose previous amount is unknown makes no comparison and does not call itself a first bill', () => {
		const {previousAmount: _, previousByCategory: __, ...bill} = telcoFixtures['en-GB'];
		const captions = captionsOf({template: 'telco-bill', bill});
		expect(captions).not.toContain('Your first bill with us');
		expect(captions.filter((caption) => /last (bill|time)/.test(caption))).toEqual([]);
		expect(captionsOf({template: 'telco-bill', bill: {...bill, firstBill: true}})).toContain('Your first bill with us');
	});
});
