import type {BillSummary} from './summary-shape';
import {minorToDecimalString} from './money';

/**
 * The tenant's checkout with the bill reference, the amount as a decimal string and the currency appended, so the
 * checkout can show and charge exactly what the video showed. A parameter the pay URL already carries (a tenant's
 * checkout template may put the amount in) is not added twice. Written with string operations because src/ has no URL.
 */
export const checkoutUrl = (bill: Pick<BillSummary, 'billNumber' | 'amountDue' | 'customer'>, payUrl: string): string => {
	const hashAt = payUrl.indexOf('#');
	const base = hashAt === -1 ? payUrl : payUrl.slice(0, hashAt);
	const hash = hashAt === -1 ? '' : payUrl.slice(hashAt);
	const present = new Set((base.split('?')[1] ?? '').split('&').map((pair) => decodeURIComponent(pair.split('=')[0]!)));
	const query = [
		['reference', bill.billNumber],
		['amount', minorToDecimalString(bill.amountDue, bill.customer.currency)],
		['currency', bill.customer.currency],
	]
		.filter(([name]) => !present.has(name!))
		.map(([name, value]) => `${name}=${encodeURIComponent(value!)}`)
		.join('&');
	const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
	return `${base}${separator}${query}${hash}`;
};

/** What a tenant's checkout URL template may ask for, written `{billNo}` and so on. */
const checkoutUrlPlaceholders = ['billNo', 'amount', 'currency', 'customerId'] as const;
type Placeholder = (typeof checkoutUrlPlaceholders)[number];

const placeholderPattern = new RegExp(`\\{(${checkoutUrlPlaceholders.join('|')})\\}`, 'g');

/** The `{names}` a template holds that are not placeholders, so a misspelt one is refused when the tenant is loaded. */
export const unknownCheckoutUrlPlaceholders = (template: string): string[] =>
	[...template.matchAll(/\{([^{}]*)\}/g)]
		.map((match) => match[1]!)
		.filter((name) => !(checkoutUrlPlaceholders as readonly string[]).includes(name));

/**
 * The pay link of a bill that carries none, from the tenant's template. Every value is URL-encoded, so a bill number
 * cannot add a parameter or change the path.
 */
export const fillCheckoutUrlTemplate = ({
	template,
	bill,
}: {
	template: string;
	bill: Pick<BillSummary, 'billNumber' | 'amountDue' | 'customer'>;
}): string => {
	const values: Record<Placeholder, string> = {
		billNo: bill.billNumber,
		amount: minorToDecimalString(bill.amountDue, bill.customer.currency),
		currency: bill.customer.currency,
		customerId: bill.customer.id,
	};
	return template.replace(placeholderPattern, (_, name: Placeholder) => encodeURIComponent(values[name]));
};
