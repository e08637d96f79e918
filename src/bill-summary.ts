import type {BillSummary} from './summary-shape';
import {templateOf, type TemplateBill} from './templates/registry';

/** What the watch page and the pay sheet show of any template's bill. */
export const summarizeBill = (input: TemplateBill): BillSummary => templateOf(input.template).summary(input.bill);

/** The summary asks the customer to pay now: due or overdue, and something owed. */
export const summaryNeedsPayment = (summary: BillSummary): boolean =>
	(summary.status === 'due' || summary.status === 'overdue') && summary.amountDue > 0;
