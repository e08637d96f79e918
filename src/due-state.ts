import {daysBetween} from './dates';
import {needsPayment} from './needs-payment';
import type {BillSummary} from './summary-shape';
import {summarizeBill} from './bill-summary';
import type {TemplateBill} from './templates/registry';

/**
 * Whether a bill is overdue on `today` (YYYY-MM-DD, `todayAnywhereOnEarth`): sent overdue, or sent due and still owed
 * once its due date has passed. The one rule the watch page's badge and the live player read a bill's lateness by, so
 * the page never says "11 days overdue" beside a video that says paying on time is fine.
 */
export const isOverdueOn = (summary: Pick<BillSummary, 'status' | 'amountDue' | 'dueDate'>, today: string): boolean =>
	summary.status === 'overdue' || (needsPayment(summary) && daysBetween(summary.dueDate, today) > 0);

/** Sent as due and overdue on `today`: what the bill's scenes and voice say ("due by", "paying on time") no longer holds. */
const lateSinceSent = (input: TemplateBill, today: string): boolean => {
	const summary = summarizeBill(input);
	return summary.status === 'due' && isOverdueOn(summary, today);
};

/**
 * The bill as the live player draws it on `today`: one sent as due whose due date has passed, still owed, is drawn as
 * overdue (the date has passed, the variant's overdue nudge), on the timeline the voice was made for. Unchanged
 * otherwise. The MP4 stays the bill as rendered, as it does once paid.
 */
export const asSeenOn = <I extends TemplateBill>(input: I, today: string): I =>
	lateSinceSent(input, today) && 'payment' in input.bill
		? // Only a bill's payment status changes, so the template and its bill still pair.
			({...input, bill: {...input.bill, payment: {...input.bill.payment, status: 'overdue'}}} as I)
		: input;
