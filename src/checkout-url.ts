import type {BillSummary} from './summary-shape';
import {minorToDecimalString} from './money';

/**
 * The part of WHATWG URL used here. URL exists in every runtime src/ runs in (Node, Chromium), but src/ is type-checked
 * without DOM or Node types, so its type is declared here and the class taken from globalThis; declared globally it
 * would clash with the DOM's own declaration where the player and the server are checked.
 */
interface WebUrl {
	readonly href: string;
	readonly searchParams: {has(name: string): boolean; append(name: string, value: string): void};
}
const WebUrl = (globalThis as unknown as {URL: new (url: string) => WebUrl}).URL;

type CheckoutBill = Pick<BillSummary, 'billNumber' | 'amountDue' | 'customer'>;

/** `url` with these parameters appended, each only when the URL does not carry it already. */
const withParameters = (url: string, parameters: ReadonlyArray<readonly [string, string]>): string => {
	const parsed = new WebUrl(url);
	for (const [name, value] of parameters) if (!parsed.searchParams.has(name)) parsed.searchParams.append(name, value);
	return parsed.href;
};

const billParameters = (bill: CheckoutBill) =>
	[
		['reference', bill.billNumber],
		['amount', minorToDecimalString(bill.amountDue, bill.customer.currency)],
		['currency', bill.customer.currency],
	] as const;

/**
 * The tenant's checkout with the bill reference, the amount as a decimal string and the currency appended, so the
 * checkout can show and charge exactly what the video showed. A parameter the pay URL already carries (a tenant's
 * checkout template may put the amount in) is not added twice.
 */
export const checkoutUrl = (bill: CheckoutBill, payUrl: string): string => withParameters(payUrl, billParameters(bill));

/**
 * The instalment plan's page with the same bill details as the checkout, and the number of instalments the video
 * offered, so the plan page knows which bill to split, and into how many.
 */
export const instalmentPlanUrl = (bill: CheckoutBill, planUrl: string, instalments: number): string =>
	withParameters(planUrl, [...billParameters(bill), ['instalments', String(instalments)]]);

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
	bill: CheckoutBill;
}): string => {
	const values: Record<Placeholder, string> = {
		billNo: bill.billNumber,
		amount: minorToDecimalString(bill.amountDue, bill.customer.currency),
		currency: bill.customer.currency,
		customerId: bill.customer.id,
	};
	return template.replace(placeholderPattern, (_, name: Placeholder) => encodeURIComponent(values[name]));
};
