import {telcoBillSchema, type TelcoBill} from '../templates/telco-bill/telco-bill-schema';
import {customerSchema} from '../bill-fields';
import {fillCheckoutUrlTemplate} from '../checkout-url';
import {billPdfOf} from './tmf678-bill-pdf';
import type {SectionMap} from './tmf678-category';
import {lineItemsFromTmf, type SourcedLineItem} from './tmf678-line-items';
import {describeMinor, makeMoneyReader, type TmfIssue} from './tmf678-money';
import {billReceiverOf, type BillReceiver} from './tmf678-party';
import {paymentStatusOf} from './tmf678-payment';
import type {Tmf678, TmfCustomerBill} from './tmf678-schema';
import {needsPayment} from '../needs-payment';

/** `warnings` name the fields mapped by a guess the telco should confirm, such as a line put under "Other charges". */
export type Tmf678Mapping =
	| {readonly ok: true; readonly bill: TelcoBill; readonly warnings: readonly TmfIssue[]}
	| {readonly ok: false; readonly errors: readonly TmfIssue[]};

export interface Tmf678ToTelcoBillOptions {
	readonly tmf: Tmf678;
	/** TMF678 has no language for the customer; the request says which to speak. */
	readonly locale: string;
	/** TMF678 has no brand; the request or the tenant gives it. */
	readonly brand: TelcoBill['brand'];
	/** The tenant's pay link template; TMF678 has no pay link, and only a bill to pay needs one. */
	readonly checkoutUrlTemplate: string | undefined;
	/** The tenant's own invoice section names; they win over the words billcast knows. */
	readonly sectionMap?: SectionMap;
}

const at = (field: string) => `tmf678.customerBill.${field}`;

/** The calendar date as the issuer wrote it: converting to UTC could move a midnight bill date to the day before. */
const calendarDate = (dateTime: string): string => dateTime.slice(0, 10);

/**
 * The billing period, or for a bill without one the day it was issued: the video then speaks of "your bill of 1 Nov
 * 2026". Only an onCycle bill is expected to have a period, so only there is its absence worth a warning.
 */
const periodOf = ({bill, warnings}: {bill: TmfCustomerBill; warnings: TmfIssue[]}): {start: string; end: string} => {
	if (bill.billingPeriod) return {start: calendarDate(bill.billingPeriod.startDateTime), end: calendarDate(bill.billingPeriod.endDateTime)};
	if (bill.runType !== 'offCycle') warnings.push({path: at('billingPeriod'), message: 'is missing on a bill that is not offCycle: the video shows the bill as of its billDate'});
	return {start: calendarDate(bill.billDate), end: calendarDate(bill.billDate)};
};

/** The TMF678 field a complaint of the bill schema is about, so the client is told what to fix in what it sent. */
const sourceOf = ({
	path,
	receiver,
	lines,
}: {
	path: readonly PropertyKey[];
	receiver: BillReceiver;
	lines: readonly SourcedLineItem[];
}): string => {
	const [field, key] = path;
	switch (field) {
		case 'customer':
			return key === 'id' ? receiver.idPath : key === 'name' ? receiver.namePath : key === 'locale' ? 'locale' : at('amountDue.unit');
		case 'billNumber':
			return at('billNo');
		case 'period':
			return at(key === 'start' ? 'billingPeriod.startDateTime' : 'billingPeriod.endDateTime');
		case 'issueDate':
			return at('billDate');
		case 'dueDate':
			return at('paymentDueDate');
		case 'lineItems':
			return (typeof key === 'number' ? lines[key]?.source : undefined) ?? 'tmf678.appliedCustomerBillingRate';
		case 'brand':
			return 'brand';
		default:
			return 'tmf678';
	}
};

/**
 * A TMF678 customer bill and its applied customer billing rates (v4 or v5 names) as billcast's telco bill, or every
 * reason it cannot be one, each naming the TMF field to fix. Money is converted exactly; the lines must add up to
 * amountDue. TMF has no previous bill amount, usage or brand, so the bill has none but the given brand, and never
 * claims to be a first bill: without a previous amount the video simply makes no comparison.
 */
export const tmf678ToTelcoBill = ({tmf, locale, brand, checkoutUrlTemplate, sectionMap = {}}: Tmf678ToTelcoBillOptions): Tmf678Mapping => {
	const {customerBill: bill} = tmf;
	const currency = bill.amountDue.unit;
	if (!customerSchema.shape.currency.safeParse(currency).success) {
		return {ok: false, errors: [{path: at('amountDue.unit'), message: 'must be an ISO 4217 currency code such as EUR'}]};
	}
	const issues: TmfIssue[] = [];
	const warnings: TmfIssue[] = [];
	const readMoney = makeMoneyReader({currency, issues});
	const receiver = billReceiverOf({bill, issues});
	const amountDue = readMoney({money: bill.amountDue, path: at('amountDue')});
	if (amountDue === undefined) return {ok: false, errors: issues};
	const taxIncluded = bill.taxIncludedAmount && readMoney({money: bill.taxIncludedAmount, path: at('taxIncludedAmount')});
	if (taxIncluded !== undefined && taxIncluded !== amountDue) {
		issues.push({
			path: at('amountDue'),
			message: `must equal taxIncludedAmount (${describeMinor({minor: taxIncluded, currency})}), but is ${describeMinor({minor: amountDue, currency})}: an amount carried over from other bills cannot be shown`,
		});
	}
	const lines = lineItemsFromTmf({
		rates: tmf.appliedCustomerBillingRate,
		customerBill: bill,
		amountDue,
		currency,
		locale,
		readMoney,
		sectionMap,
		issues,
		warnings,
	});
	const payment = paymentStatusOf({bill, amountDue, currency, readMoney, issues});
	if (!receiver || !lines || !payment || issues.length > 0) return {ok: false, errors: issues};

	const customer = {id: receiver.id, name: receiver.name, locale, currency};
	const toPay = amountDue - (payment.amountPaid ?? 0);
	const mustPay = needsPayment({status: payment.status, amountDue: toPay});
	if (mustPay && !checkoutUrlTemplate) {
		return {
			ok: false,
			errors: [
				{
					path: 'tmf678',
					message: "is a bill to pay without a pay link, and the tenant's configuration has no checkoutUrlTemplate to make one: add it to the tenant",
				},
			],
		};
	}
	const pdf = billPdfOf({bill, warnings});
	const parsed = telcoBillSchema.safeParse({
		customer,
		billNumber: bill.billNo,
		period: periodOf({bill, warnings}),
		issueDate: calendarDate(bill.billDate),
		dueDate: calendarDate(bill.paymentDueDate),
		amountDue,
		lineItems: lines.map((line) => line.item),
		...(pdf ? {billPdfUrl: pdf} : {}),
		payment: {
			status: payment.status,
			...(payment.amountPaid !== undefined ? {amountPaid: payment.amountPaid} : {}),
			// The checkout charges what is left of a partly paid bill.
			...(mustPay ? {payUrl: fillCheckoutUrlTemplate({template: checkoutUrlTemplate!, bill: {billNumber: bill.billNo, amountDue: toPay, customer}})} : {}),
		},
		brand,
	} satisfies TelcoBill);
	if (parsed.success) return {ok: true, bill: parsed.data, warnings};
	return {
		ok: false,
		errors: parsed.error.issues.map((issue) => ({path: sourceOf({path: issue.path, receiver, lines}), message: issue.message})),
	};
};
