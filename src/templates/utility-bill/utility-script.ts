import {fill, messagesFor} from '../../i18n/catalogue';
import {dateTimeFormat} from '../../intl-formats';
import {utilityUnits, type UtilityBill} from './utility-bill-schema';
import {billGreetingScript, closeScript, dueScript, scriptLines, type CloseScript, type DueScript, type GreetingScript} from '../../scripts/common-scenes';
import {formattersFor} from '../../scripts/formatters';
import type {Formatters, SceneScript} from '../../scripts/script-types';
import {utilityWordsFor, type UtilityWords} from './utility-words';

export interface ConsumptionScript extends SceneScript {
	readonly title: string;
	readonly bars: ReadonlyArray<{readonly label: string; readonly value: number}>;
	readonly thisPeriod: string;
	readonly comparison?: string;
}

export interface CostScript extends SceneScript {
	readonly title: string;
	readonly rows: ReadonlyArray<{readonly key: string; readonly label: string; readonly amount: string; readonly minor: number}>;
}

export interface SimilarScript extends SceneScript {
	readonly title: string;
	readonly you: {readonly label: string; readonly value: string; readonly amount: number};
	readonly average: {readonly label: string; readonly value: string; readonly amount: number};
	readonly verdict: string;
}

export interface TipsScript extends SceneScript {
	readonly title: string;
	readonly tips: readonly string[];
}

export interface UtilityScript {
	readonly greeting: GreetingScript;
	readonly consumption: ConsumptionScript;
	readonly cost: CostScript;
	readonly similar?: SimilarScript;
	readonly tips: TipsScript;
	readonly due: DueScript;
	readonly close: CloseScript;
}

/** Within this share either way, two consumptions count as "about the same". */
const SAME = 0.05;

const current = (bill: UtilityBill): number => bill.consumption[bill.consumption.length - 1]!.amount;

const consumptionScript = (bill: UtilityBill, words: UtilityWords, f: Formatters): ConsumptionScript => {
	const unit = utilityUnits[bill.kind];
	const month = dateTimeFormat(bill.customer.locale, {month: 'short', timeZone: 'UTC'});
	const bars = bill.consumption.map((point) => ({label: month.format(new Date(`${point.periodEnd}T00:00:00Z`)), value: point.amount}));
	const thisPeriod = fill(words.thisPeriod, {amount: `${f.number(current(bill))} ${unit}`});
	const last = bill.samePeriodLastYear;
	const ratio = last ? current(bill) / last - 1 : undefined;
	const comparison =
		ratio === undefined
			? undefined
			: Math.abs(ratio) < SAME
				? words.vsLastYearSame
				: fill(ratio > 0 ? words.vsLastYearUp : words.vsLastYearDown, {percent: f.percent(Math.abs(ratio))});
	const title = words.consumptionTitle[bill.kind];
	return {title, bars, thisPeriod, ...(comparison ? {comparison} : {}), lines: scriptLines(title, thisPeriod, comparison)};
};

const costScript = (bill: UtilityBill, words: UtilityWords, f: Formatters): CostScript => {
	const rows = (['energy', 'network', 'taxes'] as const).map((key) => ({
		key,
		label: words.costParts[key],
		amount: f.money(bill.cost[key]),
		minor: bill.cost[key],
	}));
	return {title: words.costTitle, rows, lines: scriptLines(words.costTitle, ...rows.map((row) => `${row.label}: ${row.amount}`))};
};

const similarScript = (bill: UtilityBill, words: UtilityWords, f: Formatters): SimilarScript | undefined => {
	if (bill.similarHomes === undefined) return undefined;
	const unit = utilityUnits[bill.kind];
	const ratio = current(bill) / bill.similarHomes - 1;
	const verdict = fill(ratio >= 0 ? words.similarMore : words.similarLess, {percent: f.percent(Math.abs(ratio))});
	const you = {label: words.similarYou, value: `${f.number(current(bill))} ${unit}`, amount: current(bill)};
	const average = {label: words.similarAverage, value: `${f.number(bill.similarHomes)} ${unit}`, amount: bill.similarHomes};
	return {
		title: words.similarTitle,
		you,
		average,
		verdict,
		lines: scriptLines(words.similarTitle, `${you.label}: ${you.value}`, `${average.label}: ${average.value}`, verdict),
	};
};

/** Two or three tips, each triggered by something in the bill's own numbers. */
const tipsScript = (bill: UtilityBill, words: UtilityWords, f: Formatters): TipsScript => {
	const now = current(bill);
	const last = bill.samePeriodLastYear;
	const similar = bill.similarHomes;
	const peak = bill.consumption.reduce((max, point) => (point.amount > max.amount ? point : max), bill.consumption[0]!);
	const candidates = [
		last !== undefined && now > last * (1 + SAME) ? words.tips.upOnLastYear : undefined,
		similar !== undefined && now > similar * (1 + SAME) ? words.tips.aboveSimilar : undefined,
		similar !== undefined && now < similar * (1 - SAME) ? words.tips.belowSimilar : undefined,
		bill.consumption.length >= 3 ? fill(words.tips.peak, {date: f.date(peak.periodEnd)}) : undefined,
		words.tips.meterReadings,
	];
	const tips = candidates.filter((tip): tip is string => tip !== undefined).slice(0, 3);
	return {title: words.tipsTitle, tips, lines: scriptLines(words.tipsTitle, ...tips)};
};

/** Every string of every utility scene, from the bill alone. */
export const utilityScript = (bill: UtilityBill): UtilityScript => {
	const messages = messagesFor(bill.customer.locale);
	const words = utilityWordsFor(bill.customer.locale);
	const f = formattersFor(bill.customer);
	const similar = similarScript(bill, words, f);
	return {
		greeting: billGreetingScript(bill, messages),
		consumption: consumptionScript(bill, words, f),
		cost: costScript(bill, words, f),
		...(similar ? {similar} : {}),
		tips: tipsScript(bill, words, f),
		due: dueScript(bill, messages, f),
		close: closeScript(fill(messages.closeThanks, {brand: bill.brand.name}), {pdfUrl: bill.billPdfUrl, supportEmail: bill.brand.supportEmail}, messages),
	};
};
