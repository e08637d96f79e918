import type {Brand, Customer, PaymentHistory, PaymentStatus} from './bill-fields';

export interface SummaryRow {
	readonly group: string;
	readonly label: string;
	readonly amount: number;
}

/** What the watch page and the pay sheet show of any template's bill, in one shape. */
export interface BillSummary {
	readonly customer: Customer;
	readonly brand: Brand;
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

/** The fields a bill with a due date and a payment block shares, whatever its template. */
interface DueBill {
	readonly customer: BillSummary['customer'];
	readonly brand: BillSummary['brand'];
	readonly billNumber: string;
	readonly amountDue: number;
	readonly dueDate: string;
	readonly payment: {readonly status: PaymentStatus; readonly payUrl?: string | undefined};
	readonly paymentHistory?: PaymentHistory | undefined;
}

/** Telco and utility bills carry amount, due date and payment the same way; only a telco bill may be partly paid. */
export const summarizeDueBill = (bill: DueBill, rows: readonly SummaryRow[], amountPaid?: number): BillSummary => ({
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
