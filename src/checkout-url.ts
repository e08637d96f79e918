import type {BillSummary} from './bill-summary';
import {minorToDecimalString} from './money';

/**
 * The tenant's checkout with the bill reference, the amount as a decimal string and the currency appended, so the
 * checkout can show and charge exactly what the video showed. Written with string operations because src/ has no URL.
 */
export const checkoutUrl = (bill: Pick<BillSummary, 'billNumber' | 'amountDue' | 'customer'>, payUrl: string): string => {
	const hashAt = payUrl.indexOf('#');
	const base = hashAt === -1 ? payUrl : payUrl.slice(0, hashAt);
	const hash = hashAt === -1 ? '' : payUrl.slice(hashAt);
	const query = [
		['reference', bill.billNumber],
		['amount', minorToDecimalString(bill.amountDue, bill.customer.currency)],
		['currency', bill.customer.currency],
	]
		.map(([name, value]) => `${name}=${encodeURIComponent(value!)}`)
		.join('&');
	const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
	return `${base}${separator}${query}${hash}`;
};
