import type {BillSummary} from '../../src/summary-shape';
import {formatMoney} from '../../src/money';
import type {FieldError} from '../platform/errors';
import type {PaymentInput} from './payment-schema';

/** How far ahead of this server's clock a payment system's clock may run before its paidAt reads as the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * How long before its due date a bill without a billing period (a payment reminder) may have been paid: its bill was
 * issued some weeks before it was due, and 90 days holds the longest usual terms (net 60) and a quarterly bill.
 */
const UNPERIODED_MARGIN_DAYS = 90;

/** The first moment of a calendar date anywhere on earth (UTC+14), so no time zone puts a payment of that day before it. */
const firstMomentOf = (date: string): number => Date.parse(`${date}T00:00:00+14:00`);

/**
 * The earliest a payment of the bill can be dated, and why: the start of the period it bills (nothing of it was owed
 * before), or for a bill without a period, UNPERIODED_MARGIN_DAYS before its due date. A payment of 1970 would
 * otherwise read "We received €42.50 on 1 January 1970".
 */
const earliestPayment = (bill: BillSummary, period: {start: string} | undefined): {at: number; message: string} =>
	period
		? {at: firstMomentOf(period.start), message: `must not be before the billing period starts (${period.start}): a payment cannot be older than the bill it settles`}
		: {
				at: firstMomentOf(bill.dueDate) - UNPERIODED_MARGIN_DAYS * 86_400_000,
				message: `must not be more than ${UNPERIODED_MARGIN_DAYS} days before the bill's due date (${bill.dueDate}): a payment cannot be older than the bill it settles`,
			};

/**
 * Why a confirmed payment cannot settle this bill, as field errors (none when it can). Once paid, the page and the
 * video thank the customer and offer no pay button, and a bill takes one payment: so a payment in another currency, one
 * short of what the bill asks for, or one dated in the future or before the bill would show a bill settled that is not.
 * `period` is the bill's billing period, when its template has one.
 */
export const paymentMisfits = ({
	payment,
	bill,
	period,
	now,
	path = '',
}: {
	payment: PaymentInput;
	bill: BillSummary;
	period: {start: string} | undefined;
	now: Date;
	path?: string;
}): FieldError[] => {
	const {currency} = bill.customer;
	const errors: FieldError[] = [];
	if (payment.currency !== currency) errors.push({path: `${path}currency`, message: `must be the bill's currency, ${currency}`});
	else if (payment.amount < bill.amountDue) {
		const asked = formatMoney({minor: bill.amountDue, currency, locale: 'en-GB'});
		errors.push({
			path: `${path}amount`,
			message: `is less than the ${asked} (${bill.amountDue} minor units) the bill asks for: a bill takes one payment, and billcast shows it paid only when it is paid in full`,
		});
	}
	const paidAt = Date.parse(payment.paidAt);
	const earliest = earliestPayment(bill, period);
	if (paidAt > now.getTime() + CLOCK_SKEW_MS) errors.push({path: `${path}paidAt`, message: 'is in the future'});
	else if (paidAt < earliest.at) errors.push({path: `${path}paidAt`, message: earliest.message});
	return errors;
};
