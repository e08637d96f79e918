import {describe, expect, it} from 'vitest';
import {summarizeBill} from '../../src/bill-summary';
import {needsPayment} from '../../src/needs-payment';
import {formatPeriod} from '../../src/dates';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';

describe('summarizeBill', () => {
	it('lists every telco line item under its category and asks for the amount due', () => {
		const summary = summarizeBill({template: 'telco-bill', bill: sampleTelcoBill});
		expect(summary).toMatchObject({amountDue: 6840, dueDate: sampleTelcoBill.dueDate, payUrlPath: 'bill.payment.payUrl'});
		expect(summary.rows.reduce((sum, row) => sum + row.amount, 0)).toBe(sampleTelcoBill.amountDue);
		expect(summary.rows[2]).toEqual({group: 'Roaming', label: 'Roaming in France', amount: 1840});
		expect(needsPayment(summary)).toBe(true);
	});

	it('splits a utility bill into its cost parts, which add up to the amount due', () => {
		const bill = utilityFixtures['en-GB'];
		const summary = summarizeBill({template: 'utility-bill', bill});
		expect(summary.rows.map((row) => row.group)).toEqual(['Energy and supply', 'Network and transport', 'Taxes and levies']);
		expect(new Set(summary.rows.map((row) => row.label))).toEqual(new Set([formatPeriod(bill.period.start, bill.period.end, 'en-GB')]));
		expect(summary.rows.reduce((sum, row) => sum + row.amount, 0)).toBe(bill.amountDue);
	});

	it('asks a reminder for the overdue amount, with its pay link at bill.payUrl', () => {
		const bill = reminderFixtures['en-GB'];
		expect(summarizeBill({template: 'payment-reminder', bill})).toMatchObject({
			amountDue: bill.amountOverdue,
			status: 'overdue',
			payUrl: bill.payUrl,
			payUrlPath: 'bill.payUrl',
			rows: [],
		});
	});
});
