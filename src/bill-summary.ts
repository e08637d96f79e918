import type {Bill, PaymentHistory, PaymentStatus} from './bill-schema';
import {groupByCategory} from './breakdown';
import {formatPeriod} from './dates';
import {messagesFor} from './i18n/catalogue';
import type {TemplateBill} from './templates';
import type {UtilityBill} from './utility-bill-schema';

export interface SummaryRow {
	readonly group: string;
	readonly label: string;
	readonly amount: number;
}

/** What the watch page and the pay sheet show of any template's bill, in one shape. */
export interface BillSummary {
	readonly customer: Bill['customer'];
	readonly brand: Bill['brand'];
	readonly billNumber: string;
	/** What the customer is asked to pay now, in minor units. */
	readonly amountDue: number;
	readonly dueDate: string;
	readonly status: PaymentStatus;
	readonly payUrl: string | undefined;
	/** Where the pay URL sits in the request, for error messages that name the field. */
	readonly payUrlPath: string;
	readonly rows: readonly SummaryRow[];
	/** Payments already received, newest first; empty when the bill gives none. */
	readonly paymentHistory: PaymentHistory;
}

/** Telco and utility bills carry amount, due date and payment the same way. */
const summarizeDueBill = (bill: Bill | UtilityBill, rows: readonly SummaryRow[]): BillSummary => ({
	customer: bill.customer,
	brand: bill.brand,
	billNumber: bill.billNumber,
	amountDue: bill.amountDue,
	dueDate: bill.dueDate,
	status: bill.payment.status,
	payUrl: bill.payment.payUrl,
	payUrlPath: 'bill.payment.payUrl',
	rows,
	paymentHistory: bill.paymentHistory ?? [],
});

export const summarizeBill = (input: TemplateBill): BillSummary => {
	switch (input.template) {
		case 'telco-bill': {
			const {bill} = input;
			const categories = messagesFor(bill.customer.locale).categories;
			return summarizeDueBill(
				bill,
				groupByCategory(bill.lineItems).flatMap((row) =>
					row.items.map((item) => ({group: categories[row.category], label: item.label, amount: item.amount})),
				),
			);
		}
		case 'utility-bill': {
			const {bill} = input;
			// Each cost part is the row's category; what it was charged for is this bill's period.
			const {costParts} = messagesFor(bill.customer.locale);
			const period = formatPeriod(bill.period.start, bill.period.end, bill.customer.locale);
			return summarizeDueBill(
				bill,
				(['energy', 'network', 'taxes'] as const).map((part) => ({group: costParts[part], label: period, amount: bill.cost[part]})),
			);
		}
		case 'payment-reminder': {
			const {bill} = input;
			return {
				customer: bill.customer,
				brand: bill.brand,
				billNumber: bill.billNumber,
				amountDue: bill.amountOverdue,
				dueDate: bill.originalDueDate,
				status: 'overdue',
				payUrl: bill.payUrl,
				payUrlPath: 'bill.payUrl',
				rows: [],
				paymentHistory: bill.paymentHistory ?? [],
			};
		}
	}
};

/** The summary asks the customer to pay now: due or overdue, and something owed. */
export const summaryNeedsPayment = (summary: BillSummary): boolean =>
	(summary.status === 'due' || summary.status === 'overdue') && summary.amountDue > 0;
