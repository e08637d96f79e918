import type {BillSummary} from '../../summary-shape';
import type {PaymentReminder} from './payment-reminder-schema';

/** A reminder is always overdue and asks for the whole overdue amount; it has no rows of its own. */
export const summarizeReminder = (bill: PaymentReminder): BillSummary => ({
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
});
