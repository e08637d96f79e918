import type {BillSummary} from '../../src/summary-shape';
import {formatMoney} from '../../src/money';
import type {FieldError} from '../platform/errors';
import type {PaymentInput} from './payment-schema';

/** How far ahead of this server's clock a payment system's clock may run before its paidAt reads as the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Why a confirmed payment cannot settle this bill, as field errors (none when it can). Once paid, the page and the
 * video thank the customer and offer no pay button, and a bill takes one payment: so a payment in another currency, one
 * short of what the bill asks for, or one dated in the future would show a bill settled that is not.
 */
export const paymentMisfits = ({payment, bill, now, path = ''}: {payment: PaymentInput; bill: BillSummary; now: Date; path?: string}): FieldError[] => {
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
	if (Date.parse(payment.paidAt) > now.getTime() + CLOCK_SKEW_MS) errors.push({path: `${path}paidAt`, message: 'is in the future'});
	return errors;
};
