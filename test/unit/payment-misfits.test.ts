import {describe, expect, it} from 'vitest';
import {summarizeBill} from '../../src/bill-summary';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {paymentMisfits} from '../../server/payments/payment-misfits';

const now = new Date('2026-11-21T12:00:00Z');
const telco = summarizeBill({template: 'telco-bill', bill: sampleTelcoBill});
const paid = {amount: 6840, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z', reference: 'PSP-1'};
const paths = (errors: Array<{path: string}>) => errors.map((error) => error.path);

describe('a payment settles its bill only', () => {
	it('in full, in the bill’s currency, at a time that has happened', () => {
		expect(paymentMisfits({payment: paid, bill: telco, period: sampleTelcoBill.period, now})).toEqual([]);
		// More than asked (a customer rounding up) still settles it, and the page says what was received.
		expect(paymentMisfits({payment: {...paid, amount: 7000}, bill: telco, period: sampleTelcoBill.period, now})).toEqual([]);
		// A payment system's clock a little ahead of billcast's is not the future.
		expect(paymentMisfits({payment: {...paid, paidAt: '2026-11-21T12:04:00Z'}, bill: telco, period: sampleTelcoBill.period, now})).toEqual([]);
		expect(paymentMisfits({payment: {...paid, paidAt: '2026-11-21T13:00:00+01:00'}, bill: telco, period: sampleTelcoBill.period, now})).toEqual([]);
	});

	it('names the field that keeps a payment from settling the bill', () => {
		expect(paymentMisfits({payment: {...paid, currency: 'USD'}, bill: telco, period: sampleTelcoBill.period, now})).toEqual([{path: 'currency', message: "must be the bill's currency, EUR"}]);
		const short = paymentMisfits({payment: {...paid, amount: 1200}, bill: telco, period: sampleTelcoBill.period, now});
		expect(paths(short)).toEqual(['amount']);
		expect(short[0]!.message).toMatch(/^is less than the €68\.40 \(6840 minor units\) the bill asks for/);
		expect(paths(paymentMisfits({payment: {...paid, paidAt: '2026-11-21T12:06:00Z'}, bill: telco, period: sampleTelcoBill.period, now}))).toEqual(['paidAt']);
		expect(paths(paymentMisfits({payment: {...paid, amount: 1, currency: 'GBP', paidAt: '2027-01-01T00:00:00Z'}, bill: telco, period: sampleTelcoBill.period, now, path: '[3].'}))).toEqual([
			'[3].currency',
			'[3].paidAt',
		]);
	});

	it('asks a partly paid bill for the rest, and a reminder for the amount overdue', () => {
		const partly = summarizeBill({template: 'telco-bill', bill: {...sampleTelcoBill, payment: {...sampleTelcoBill.payment, amountPaid: 2000}}});
		expect(paymentMisfits({payment: {...paid, amount: 4840}, bill: partly, period: sampleTelcoBill.period, now})).toEqual([]);
		expect(paths(paymentMisfits({payment: {...paid, amount: 4839}, bill: partly, period: sampleTelcoBill.period, now}))).toEqual(['amount']);
		const reminder = Object.values(reminderFixtures)[0]!;
		const asked = {amount: reminder.amountOverdue, currency: reminder.customer.currency};
		const summary = summarizeBill({template: 'payment-reminder', bill: reminder});
		expect(paymentMisfits({payment: {...paid, ...asked}, bill: summary, period: undefined, now})).toEqual([]);
		expect(paths(paymentMisfits({payment: {...paid, ...asked, amount: asked.amount - 1}, bill: summary, period: undefined, now}))).toEqual(['amount']);
	});

	it('dated before the bill could exist is refused: before its billing period, or long before a reminder\'s due date', () => {
		const {start} = sampleTelcoBill.period;
		const misfits = (paidAt: string) => paymentMisfits({payment: {...paid, paidAt}, bill: telco, period: sampleTelcoBill.period, now});
		expect(misfits('1970-01-01T00:00:00Z')).toEqual([
			{path: 'paidAt', message: `must not be before the billing period starts (${start}): a payment cannot be older than the bill it settles`},
		]);
		// The period's first day counts wherever the payment was made, even where that day began before UTC's.
		expect(misfits(`${start}T00:00:00+14:00`)).toEqual([]);
		expect(misfits(new Date(Date.parse(`${start}T00:00:00+14:00`) - 1000).toISOString())).toHaveLength(1);
		const reminder = Object.values(reminderFixtures)[0]!;
		const summary = summarizeBill({template: 'payment-reminder', bill: reminder});
		const asked = {...paid, amount: reminder.amountOverdue, currency: reminder.customer.currency};
		const dueDay = Date.parse(`${reminder.originalDueDate}T00:00:00+14:00`);
		const reminderMisfits = (at: number) => paymentMisfits({payment: {...asked, paidAt: new Date(at).toISOString()}, bill: summary, period: undefined, now: new Date(dueDay + 60 * 86_400_000)});
		expect(reminderMisfits(dueDay - 90 * 86_400_000)).toEqual([]);
		expect(reminderMisfits(dueDay - 90 * 86_400_000 - 1000)).toEqual([
			{path: 'paidAt', message: `must not be more than 90 days before the bill's due date (${reminder.originalDueDate}): a payment cannot be older than the bill it settles`},
		]);
	});
});
