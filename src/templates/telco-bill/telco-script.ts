import {lineItemCategories, type TelcoBill, type LineItemCategory, type UsageMeter} from './telco-bill-schema';
import {chartRows, groupByCategory} from './breakdown';
import {fill, messagesFor, writtenLocale, type Messages} from '../../i18n/catalogue';
import {billGreetingScript, closeScript, dueScript, scriptLines, type CloseScript, type DueScript, type GreetingScript} from '../../scripts/common-scenes';
import {numberFormat} from '../../intl-formats';
import {formattersFor} from '../../scripts/formatters';
import {telcoWordsFor, type TelcoWords} from './telco-words';
import type {Formatters, SceneScript} from '../../scripts/script-types';

export interface TotalScript extends SceneScript {
	readonly title: string;
	readonly amount: string;
	readonly direction: 'up' | 'down' | 'same';
	/** The comparison with the last bill, or "first bill" when the bill says so; absent when neither is known. */
	readonly change?: string;
	readonly previous?: string;
	/** The category (or its single line item) that moved the total most, when the previous bill's split is known. */
	readonly reason?: string;
}

export interface BreakdownScript extends SceneScript {
	readonly title: string;
	readonly rows: ReadonlyArray<{readonly key: string; readonly label: string; readonly amount: string; readonly minor: number}>;
	readonly saved?: string;
}

export interface MeterScript {
	readonly key: 'data' | 'minutes' | 'sms';
	readonly label: string;
	readonly used: string;
	readonly allowance: string;
	/** How full the bar is, 0 to 1; null for an unlimited allowance, of which no share is used up. */
	readonly fraction: number | null;
	readonly over: boolean;
}

export interface UsageScript extends SceneScript {
	readonly title: string;
	readonly meters: readonly MeterScript[];
	readonly tip?: string;
}

export interface TelcoScript {
	readonly greeting: GreetingScript;
	readonly total: TotalScript;
	readonly breakdown: BreakdownScript;
	readonly usage: UsageScript;
	readonly due: DueScript;
	readonly close: CloseScript;
}

const changeReason = (bill: TelcoBill, words: TelcoWords, f: Formatters): string | undefined => {
	if (!bill.previousByCategory) return undefined;
	const now = new Map(groupByCategory(bill.lineItems).map((row) => [row.category, row]));
	const changes = lineItemCategories
		.map((category: LineItemCategory) => {
			const total = now.get(category)?.total ?? 0;
			const before = bill.previousByCategory?.[category] ?? 0;
			// A refund or discount is a negative amount: growing, it takes the bill down, so its sign reads the other way.
			return {category, delta: total - before, credit: total <= 0 && before <= 0};
		})
		.filter((change) => change.delta !== 0)
		.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
	const biggest = changes[0];
	if (!biggest) return undefined;
	const items = now.get(biggest.category)?.items ?? [];
	const label = items.length === 1 ? items[0]!.label : words.categories[biggest.category];
	const wording = biggest.credit ? (biggest.delta < 0 ? words.creditMoreBack : words.creditLessBack) : biggest.delta > 0 ? words.changeUp : words.changeDown;
	return fill(wording, {category: label, amount: f.money(Math.abs(biggest.delta))});
};

const totalScript = (bill: TelcoBill, messages: Messages, words: TelcoWords, f: Formatters): TotalScript => {
	const amount = f.money(bill.amountDue);
	const previous = bill.previousAmount;
	const difference = previous === undefined ? undefined : bill.amountDue - previous;
	const direction = difference === undefined || difference === 0 ? 'same' : difference > 0 ? 'up' : 'down';
	const change =
		difference === undefined
			? bill.firstBill
				? words.firstBill
				: undefined
			: difference === 0
				? words.sameAsLast
				: fill(difference > 0 ? words.moreThanLast : words.lessThanLast, {amount: f.money(Math.abs(difference))});
	const previousLine = previous === undefined ? undefined : fill(words.comparedToLast, {amount: f.money(previous)});
	const reason = changeReason(bill, words, f);
	return {
		title: messages.totalTitle,
		amount,
		direction,
		...(change ? {change} : {}),
		...(previousLine ? {previous: previousLine} : {}),
		...(reason ? {reason} : {}),
		lines: scriptLines(messages.totalTitle, amount, change, reason, previousLine),
	};
};

const breakdownScript = (bill: TelcoBill, messages: Messages, words: TelcoWords, f: Formatters): BreakdownScript => {
	const rows = chartRows(bill.lineItems).map((row) => ({
		key: row.category,
		label: row.grouped ? words.other : words.categories[row.category],
		amount: f.money(row.total),
		minor: row.total,
	}));
	// The saving is the credits bar: a negative line the bill files elsewhere (an adjustment, a refund of an overcharge)
	// nets into its own section's bar, and counting it here too would claim a saving no bar shows.
	const credits = rows.find((row) => row.key === 'credits')?.minor ?? 0;
	const saved = credits < 0 ? fill(words.savedWithCredits, {amount: f.money(-credits)}) : undefined;
	return {
		title: messages.breakdownTitle,
		rows,
		...(saved ? {saved} : {}),
		lines: scriptLines(messages.breakdownTitle, ...rows.map((row) => `${row.label}: ${row.amount}`), saved),
	};
};

/** Below this share of an allowance the customer is told a smaller plan might do. */
const FAR_UNDER = 1 / 3;

/** Intl's `roundingMode` (ES2023, in Node 20 and the browsers billcast supports), which src/'s ES2022 lib does not name. */
type Rounding = 'trunc' | 'expand' | 'halfExpand';

/**
 * A meter's used and included amounts, at one decimal unless that shows different amounts as the same (30.04 of 30 GB
 * read "30 GB / 30 GB" beside a bar that said it was exceeded); then at up to three decimals, as many as the amounts
 * need: 30.001 of 30 GB reads "30.001 GB", 29.999 reads "29.999 GB". An amount over the allowance is cut, not rounded,
 * so it is never shown past what was used. Closer than a thousandth, three decimals cannot show both truly: each is
 * then rounded away from the other, so the figures stay on the sides the bar shows.
 */
const usageFigures = ({used, allowance}: {used: number; allowance: number}, locale: string, f: Formatters): {used: string; allowance: string} => {
	if (used === allowance || f.number(used) !== f.number(allowance)) return {used: f.number(used), allowance: f.number(allowance)};
	const at = ([usedMode, allowanceMode]: readonly [Rounding, Rounding]): {used: string; allowance: string} => {
		const format = (value: number, roundingMode: Rounding): string => {
			const options: Intl.NumberFormatOptions & {roundingMode: Rounding} = {maximumFractionDigits: 3, roundingMode};
			return numberFormat(locale, options).format(value);
		};
		return {used: format(used, usedMode), allowance: format(allowance, allowanceMode)};
	};
	const over = used > allowance;
	const near = at(over ? ['trunc', 'trunc'] : ['halfExpand', 'halfExpand']);
	return near.used !== near.allowance ? near : at(over ? ['expand', 'trunc'] : ['trunc', 'expand']);
};

const usageScript = (bill: TelcoBill, words: TelcoWords, f: Formatters): UsageScript => {
	const {locale} = bill.customer;
	const meter = (key: MeterScript['key'], label: string, unit: string, value: UsageMeter | undefined): MeterScript[] => {
		if (!value) return [];
		const {used, allowance} = value;
		const figures = allowance === null ? {used: f.number(used), allowance: words.usageUnlimited} : usageFigures({used, allowance}, locale, f);
		return [
			{
				key,
				label,
				used: `${figures.used}${unit}`,
				allowance: allowance === null ? figures.allowance : `${figures.allowance}${unit}`,
				// Nothing included (pay per use): any use fills the bar, in the colour of going over.
				fraction: allowance === null ? null : allowance === 0 ? (used > 0 ? 1 : 0) : Math.min(1, used / allowance),
				over: allowance !== null && used > allowance,
			},
		];
	};
	const usage = bill.usage ?? {};
	const meters = [
		...meter('data', words.usageData, ' GB', usage.data),
		...meter('minutes', words.usageMinutes, '', usage.minutes),
		...meter('sms', words.usageSms, '', usage.sms),
	];
	const over = meters.filter((m) => m.over);
	const under = meters.find((m) => {
		const value = usage[m.key];
		return value && value.allowance !== null && value.used < value.allowance * FAR_UNDER;
	});
	const overLabels = new Intl.ListFormat(writtenLocale(locale), {type: 'conjunction'}).format(over.map((m) => m.label));
	const tip =
		over.length > 0
			? fill(over.length === 1 ? words.tipOver : words.tipOverSeveral, {meter: overLabels})
			: under
				? fill(words.tipUnder, {meter: under.label})
				: undefined;
	return {
		title: words.usageTitle,
		meters,
		...(tip ? {tip} : {}),
		lines: scriptLines(
			words.usageTitle,
			...meters.map((m) => `${m.label}: ${fill(words.usageOf, {used: m.used, allowance: m.allowance})}`),
			tip,
		),
	};
};

/** Every string of every telco scene, from the bill alone. */
export const telcoScript = (bill: TelcoBill): TelcoScript => {
	const messages = messagesFor(bill.customer.locale);
	const words = telcoWordsFor(bill.customer.locale);
	const f = formattersFor(bill.customer);
	return {
		greeting: billGreetingScript(bill, messages),
		total: totalScript(bill, messages, words, f),
		breakdown: breakdownScript(bill, messages, words, f),
		usage: usageScript(bill, words, f),
		due: dueScript(bill, messages, f),
		close: closeScript(fill(messages.closeThanks, {brand: bill.brand.name}), {pdfUrl: bill.billPdfUrl, supportEmail: bill.brand.supportEmail}, messages),
	};
};
