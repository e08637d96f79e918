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
		expect(paymentMisfits({payment: paid, bill: telco, now})).toEqual([]);
		// More than asked (a customer rounding up) still settles it, and the page says what was received.
		expect(paymentMisfits({payment: {...paid, amount: 7000}, bill: telco, now})).toEqual([]);
		// A payment system's clock a little ahead of billcast's is not the future.
		expect(paymentMisfits({payment: {...paid, paidAt: '2026-11-21T12:04:00Z'}, bill: telco, now})).toEqual([]);
		expect(paymentMisfits({payment: {...paid, paidAt: '2026-11-21T13:00:00+01:00'}, bill: telco, now})).toEqual([]);
	});

	it('names the field that keeps a payment from settling the bill', () => {
		expect(paymentMisfits({payment: {...paid, currency: 'USD'}, bill: telco, now})).toEqual([{path: 'currency', message: "must be the bill's currency, EUR"}]);
		const short = paymentMisfits({payment: {...paid, amount: 1200}, bill: telco, now});
		expect(paths(short)).toEqual(['amount']);
		expect(short[0]!.message).toMatch(/^is less than the €68\.40 \(6840 minor units\) the bill asks for/);
		expect(paths(paymentMisfits({payment: {...paid, paidAt: '2026-11-21T12:06:00Z'}, bill: telco, now}))).toEqual(['paidAt']);
		expect(paths(paymentMisfits({payment: {...paid, amount: 1, currency: 'GBP', paidAt: '2027-01-01T00:00:00Z'}, bill: telco, now, path: '[3].'}))).toEqual([
			'[3].currency',
			'[3].paidAt',
		]);
	});

	it('asks a partly paid bill for the rest, and a reminder for the amount overdue', () => {
		const partly = summarizeBill({template: 'telco-bill', bill: {...sampleTelcoBill, payment: {...sampleTelcoBill.payment, amountPaid: 2000}}});
		expect(paymentMisfits({payment: {...paid, amount: 4840}, bill: partly, now})).toEqual([]);
		expect(paths(paymentMisfits({payment: {...paid, amount: 4839}, bill: partly, now}))).toEqual(['amount']);
		const reminder = Object.values(reminderFixtures)[0]!;
		const asked = {amount: reminder.amountOverdue, currency: reminder.customer.currency};
		const summary = summarizeBill({template: 'payment-reminder', bill: reminder});
		expect(paymentMisfits({payment: {...paid, ...asked}, bill: summary, now})).toEqual([]);
		expect(paths(paymentMisfits({payment: {...paid, ...asked, amount: asked.amount - 1}, bill: summary, now}))).toEqual(['amount']);
	});
});
