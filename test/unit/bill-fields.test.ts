import {describe, expect, it} from 'vitest';
import {fieldErrorsFromZod} from '../../server/platform/zod-field-errors';
import {MAX_MINOR_UNITS} from '../../src/money';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {paymentReminderSchema} from '../../src/templates/payment-reminder/payment-reminder-schema';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {telcoBillSchema} from '../../src/templates/telco-bill/telco-bill-schema';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {utilityBillSchema} from '../../src/templates/utility-bill/utility-bill-schema';

const telcoErrors = (bill: unknown) => {
	const parsed = telcoBillSchema.safeParse(bill);
	return parsed.success ? [] : fieldErrorsFromZod(parsed.error);
};
const named = (name: string) => ({...sampleTelcoBill, customer: {...sampleTelcoBill.customer, name}});

describe('text the video shows must show something', () => {
	it('refuses a name, brand or label made only of characters that draw nothing', () => {
		// A zero-width space, a soft hyphen, the blank Braille pattern, a Hangul filler, a lone combining mark, and mixes.
		for (const name of ['\u200b', '\u00ad', '\u2800', '\u3164', '\u0301', ' \u200b\u2060 ', '\ufeff\u115f\u1160\uffa0']) {
			expect(telcoErrors(named(name)), JSON.stringify(name)).toEqual([{path: 'customer.name', message: 'must contain a visible character'}]);
		}
		expect(telcoErrors({...sampleTelcoBill, brand: {...sampleTelcoBill.brand, name: '\u3164'}})).toEqual([{path: 'brand.name', message: 'must contain a visible character'}]);
		const lineItems = sampleTelcoBill.lineItems.map((item, index) => (index === 0 ? {...item, label: '\u200b\u200b'} : item));
		expect(telcoErrors({...sampleTelcoBill, lineItems})).toEqual([{path: 'lineItems[0].label', message: 'must contain a visible character'}]);
		// An empty name is only too short.
		expect(telcoErrors(named('')).map((error) => error.path)).toEqual(['customer.name']);
	});

	it('takes a name with invisible characters beside visible ones', () => {
		for (const name of ['Ada\u00adLovelace', 'ﻣﺤﻤﺪ\u200f', '👩‍👩‍👧', 'Jose\u0301', '박민준', 'A']) expect(telcoErrors(named(name)), name).toEqual([]);
	});

	it('refuses bidirectional isolates like overrides: an open one turns the rest of the line around', () => {
		for (const mark of ['\u2066', '\u2067', '\u2068', '\u2069', '\u202e']) {
			expect(telcoErrors(named(`Ada ${mark}noryB`)).map((error) => error.path)).toEqual(['customer.name']);
		}
	});
});

describe('bill objects refuse keys they do not know', () => {
	it('in every object of every template', () => {
		const unknown = (schema: {safeParse: (input: unknown) => {error?: {issues: Array<{code: string; path: PropertyKey[]}>}}}, bill: unknown) =>
			schema.safeParse(bill).error?.issues.map((issue) => [issue.code, issue.path.join('.')]);
		const refused = (path: string) => [['unrecognized_keys', path]];
		expect(unknown(telcoBillSchema, {...sampleTelcoBill, previousAmmount: 3900})).toEqual(refused(''));
		expect(unknown(telcoBillSchema, {...sampleTelcoBill, payment: {...sampleTelcoBill.payment, payURL: 'https://x.example'}})).toEqual(refused('payment'));
		expect(unknown(telcoBillSchema, {...sampleTelcoBill, brand: {...sampleTelcoBill.brand, logo: 'https://x.example/l.png'}})).toEqual(refused('brand'));
		expect(unknown(telcoBillSchema, {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, email: 'a@b.example'}})).toEqual(refused('customer'));
		expect(unknown(telcoBillSchema, {...sampleTelcoBill, period: {...sampleTelcoBill.period, days: 31}})).toEqual(refused('period'));
		const lineItems = sampleTelcoBill.lineItems.map((item, index) => (index === 1 ? {...item, note: 'x'} : item));
		expect(unknown(telcoBillSchema, {...sampleTelcoBill, lineItems})).toEqual(refused('lineItems.1'));
		const utility = utilityFixtures['en-GB'];
		expect(unknown(utilityBillSchema, {...utility, cost: {...utility.cost, vat: 1}})).toEqual(refused('cost'));
		const reminder = reminderFixtures['en-GB'];
		expect(unknown(paymentReminderSchema, {...reminder, nextStep: {...reminder.nextStep, when: 'soon'}})).toEqual(refused('nextStep'));
	});
});

describe('amounts', () => {
	it(`are refused beyond ${MAX_MINOR_UNITS} minor units either way, naming the field`, () => {
		const message = 'must be between -1,000,000,000,000 and 1,000,000,000,000 minor units';
		expect(telcoErrors({...sampleTelcoBill, previousAmount: 9007199254740991})).toEqual([{path: 'previousAmount', message}]);
		expect(telcoErrors({...sampleTelcoBill, previousAmount: MAX_MINOR_UNITS + 1})).toEqual([{path: 'previousAmount', message}]);
		expect(telcoErrors({...sampleTelcoBill, previousByCategory: {plan: -MAX_MINOR_UNITS - 1}})).toEqual([{path: 'previousByCategory.plan', message}]);
		expect(telcoErrors({...sampleTelcoBill, previousAmount: MAX_MINOR_UNITS})).toEqual([]);
		expect(telcoErrors({...sampleTelcoBill, previousAmount: -MAX_MINOR_UNITS})).toEqual([]);
	});

	it('that are missing are required, not malformed', () => {
		const {amountDue: _, ...withoutAmount} = sampleTelcoBill;
		expect(telcoErrors(withoutAmount)).toEqual([{path: 'amountDue', message: 'is required'}]);
	});
});

describe('dates', () => {
	it('that are missing are required, not malformed', () => {
		const {issueDate: _, ...withoutIssueDate} = sampleTelcoBill;
		expect(telcoErrors(withoutIssueDate)).toEqual([{path: 'issueDate', message: 'is required'}]);
		expect(telcoErrors({...sampleTelcoBill, issueDate: '3 Nov 2026'})).toEqual([{path: 'issueDate', message: 'must be a date written as YYYY-MM-DD'}]);
	});

	it('are put in order only when both are dates', () => {
		const dateError = {path: 'period.end', message: 'must be a date written as YYYY-MM-DD'};
		expect(telcoErrors({...sampleTelcoBill, period: {start: '2026-04-01', end: '2026-04-31'}})).toEqual([dateError]);
		expect(telcoErrors({...sampleTelcoBill, period: {start: '2026-05-01', end: '2026-04-31'}})).toEqual([dateError]);
		expect(telcoErrors({...sampleTelcoBill, period: {start: '2026-10-31', end: '2026-10-01'}})).toEqual([{path: 'period.end', message: 'must not end before it starts'}]);
		expect(telcoErrors({...sampleTelcoBill, dueDate: '2026-02-30'})).toEqual([{path: 'dueDate', message: 'must be a date written as YYYY-MM-DD'}]);
		const reminder = reminderFixtures['en-GB'];
		const reminderErrors = paymentReminderSchema.safeParse({...reminder, reminderDate: '2026-13-01'}).error?.issues.map((issue) => issue.path.join('.'));
		expect(reminderErrors).toEqual(['reminderDate']);
	});
});
