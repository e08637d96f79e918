import type {Bill, PaymentHistory, PaymentStatus} from './bill-schema';
import {groupByCategory} from './breakdown';
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
	/** What the customer is asked to pay now, in minor units: the bill's total less what was already paid of it. */
	readonly amountDue: number;
	/** The whole bill, which the rows add up to. */
	readonly total: number;
	/** What was already paid of this bill, when it is partly paid. */
	readonly amountPaid: number | undefined;
	readonly dueDate: string;
	readonly status: PaymentStatus;
	readonly payUrl: string | undefined;
	/** Where the pay URL sits in the request, for error messages that name the field. */
	readonly payUrlPath: string;
	readonly rows: readonly SummaryRow[];
	/** Payments already received, newest first; empty when the bill gives none. */
	readonly paymentHistory: PaymentHistory;
}

/** Telco and utility bills carry amount, due date and payment the same way; only a telco bill may be partly paid. */
const summarizeDueBill = (bill: Bill | UtilityBill, rows: readonly SummaryRow[], amountPaid?: number): BillSummary => ({
	customer: bill.customer,
	brand: bill.brand,
	billNumber: bill.billNumber,
	amountDue: bill.amountDue - (amountPaid ?? 0),
	total: bill.amountDue,
	amountPaid,
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
				bill.payment.amountPaid,
			);
		}
		case 'utility-bill': {
			const {bill} = input;
			const {costParts, costTitle} = messagesFor(bill.customer.locale);
			return summarizeDueBill(
				bill,
				(['energy', 'network', 'taxes'] as const).map((part) => ({group: costTitle, label: costParts[part], amount: bill.cost[part]})),
			);
		}
		case 'payment-reminder': {
			const {bill} = input;
			return {
				customer: bill.customer,
				brand: bill.brand,
				billNumber: bill.billNumber,
				amountDue: bill.amountOverdue,
				total: bill.amountOverdue,
				amountPaid: undefined,
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
