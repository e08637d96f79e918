import type {LineItem, LineItemCategory} from '../templates/telco-bill/telco-bill-schema';
import {telcoWordsFor} from '../templates/telco-bill/telco-words';
import {categoryOfRate, type SectionMap} from './tmf678-category';
import {describeMinor, type ReadMoney, type TmfIssue} from './tmf678-money';
import type {TmfAppliedBillingRate, TmfCustomerBill} from './tmf678-schema';

/** A line of the bill and the TMF object it came from, so a later complaint about the line can name that object. */
export interface SourcedLineItem {
	readonly item: LineItem;
	readonly source: string;
}

interface BilledRate {
	readonly source: string;
	readonly label: string;
	readonly category: LineItemCategory;
	readonly taxIncluded: number | undefined;
	readonly taxExcluded: number | undefined;
}

const readRate = ({
	rate,
	source,
	billId,
	readMoney,
	sectionMap,
	locale,
	issues,
	warnings,
}: {
	rate: TmfAppliedBillingRate;
	source: string;
	billId: string | undefined;
	readMoney: ReadMoney;
	locale: string;
	sectionMap: SectionMap;
	issues: TmfIssue[];
	warnings: TmfIssue[];
}): BilledRate | undefined => {
	const before = issues.length;
	if (billId !== undefined && rate.bill?.id !== undefined && rate.bill.id !== billId) {
		issues.push({path: `${source}.bill.id`, message: `must be the customer bill's id (${billId}): this rate belongs to another bill`});
	}
	const amount = (field: 'taxIncludedAmount' | 'taxExcludedAmount') => {
		const money = rate[field];
		return money && readMoney({money, path: `${source}.${field}`});
	};
	const [taxIncluded, taxExcluded] = [amount('taxIncludedAmount'), amount('taxExcludedAmount')];
	if (issues.length > before) return undefined;
	const {category, warning} = categoryOfRate({rate, sectionMap, negative: (taxIncluded ?? taxExcluded ?? 0) < 0});
	if (warning) warnings.push({path: `${source}.${warning.field}`, message: warning.message});
	// A line without a name can still be shown, under its category's name, as long as the operator hears about it.
	const label = rate.name ?? rate.description ?? telcoWordsFor(locale).categories[category];
	if (rate.name === undefined && rate.description === undefined) {
		warnings.push({path: `${source}.name`, message: `is missing, so the line is labelled "${label}": the customer sees a line's name`});
	}
	return {source, label, category, taxIncluded, taxExcluded};
};

const total = (lines: readonly SourcedLineItem[]): number => lines.reduce((sum, line) => sum + line.item.amount, 0);

/**
 * The bill's line items from the rates TMF678 billed (`isBilled` not false), which must add up to amountDue. Tax-included
 * prices are what the customer recognises, so they are used when every rate has one and they add up; otherwise the
 * tax-excluded prices plus one taxes line per `taxItem`. A credit lowers the bill whichever sign TMF gives it. No billed
 * rates give no lines, as a bill without a breakdown does.
 */
export const lineItemsFromTmf = ({
	rates,
	customerBill,
	amountDue,
	currency,
	locale,
	readMoney,
	sectionMap,
	issues,
	warnings,
}: {
	rates: readonly TmfAppliedBillingRate[];
	customerBill: TmfCustomerBill;
	amountDue: number;
	currency: string;
	locale: string;
	readMoney: ReadMoney;
	sectionMap: SectionMap;
	issues: TmfIssue[];
	/** What was mapped by a guess the operator should confirm (a line under "Other charges"), not a reason to refuse. */
	warnings: TmfIssue[];
}): SourcedLineItem[] | undefined => {
	const before = issues.length;
	const billed = rates.flatMap((rate, index) => {
		if (rate.isBilled === false) return [];
		const read = readRate({rate, source: `tmf678.appliedCustomerBillingRate[${index}]`, billId: customerBill.id, readMoney, sectionMap, locale, issues, warnings});
		return read ? [read] : [];
	});
	const taxLines = (customerBill.taxItem ?? []).map((tax, index) => {
		const source = `tmf678.customerBill.taxItem[${index}]`;
		const amount = readMoney({money: tax.taxAmount, path: `${source}.taxAmount`}) ?? 0;
		const label = tax.taxCategory ?? telcoWordsFor(locale).categories.taxes;
		return {item: {category: 'taxes', label, amount}, source} satisfies SourcedLineItem;
	});
	if (issues.length > before) return undefined;
	if (billed.length === 0) return [];

	const line = (rate: BilledRate, amount: number): SourcedLineItem => ({
		item: {category: rate.category, label: rate.label, amount: rate.category === 'credits' ? -Math.abs(amount) : amount},
		source: rate.source,
	});
	const taxIncluded = billed.every((rate) => rate.taxIncluded !== undefined)
		? billed.map((rate) => line(rate, rate.taxIncluded!))
		: undefined;
	const taxExcluded = billed.every((rate) => rate.taxExcluded !== undefined)
		? [...billed.map((rate) => line(rate, rate.taxExcluded!)), ...taxLines]
		: undefined;
	if (!taxIncluded && !taxExcluded) {
		const first = billed.find((rate) => rate.taxIncluded === undefined)!;
		issues.push({
			path: `${first.source}.taxIncludedAmount`,
			message: 'is required, unless every billed rate has a taxExcludedAmount: a line of the bill needs an amount',
		});
		return undefined;
	}
	const matching = [taxIncluded, taxExcluded].find((lines) => lines !== undefined && total(lines) === amountDue);
	if (matching) return matching;
	const describe = (minor: number) => describeMinor({minor, currency});
	const sums = [
		taxIncluded && `${describe(total(taxIncluded))} with tax included`,
		taxExcluded && `${describe(total(taxExcluded))} as taxExcludedAmount plus taxItem`,
	].filter(Boolean);
	issues.push({
		path: 'tmf678.customerBill.amountDue',
		message: `must equal what the billed rates add up to (${sums.join(', or ')}), but is ${describe(amountDue)}: every amount on the bill must be explained`,
	});
	return undefined;
};
