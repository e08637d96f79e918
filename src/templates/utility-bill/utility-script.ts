import {fill, messagesFor} from '../../i18n/catalogue';
import {dateTimeFormat} from '../../intl-formats';
import {utilityUnits, type UtilityBill} from './utility-bill-schema';
import {billGreetingScript, closeScript, dueScript, scriptLines, type CloseScript, type DueScript, type GreetingScript} from '../../scripts/common-scenes';
import {formattersFor} from '../../scripts/formatters';
import type {Formatters, SceneScript} from '../../scripts/script-types';
import type {ConsumptionBar} from './utility-chart-labels';
import {utilityWordsFor, type UtilityWords} from './utility-words';

export interface ConsumptionScript extends SceneScript {
	readonly title: string;
	readonly bars: readonly ConsumptionBar[];
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

const monthNumber = (isoDate: string): number => Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7));

/** Months alone name the bars while the readings end within a year; from twelve months apart a month could be either year. */
const chartBars = (bill: UtilityBill): ConsumptionBar[] => {
	const {locale} = bill.customer;
	const month = dateTimeFormat(locale, {month: 'short', timeZone: 'UTC'});
	const year = dateTimeFormat(locale, {year: 'numeric', timeZone: 'UTC'});
	const ends = bill.consumption.map((point) => point.periodEnd);
	const dated = monthNumber(ends.at(-1)!) - monthNumber(ends[0]!) >= 12;
	return bill.consumption.map((point) => {
		const day = new Date(`${point.periodEnd}T00:00:00Z`);
		return {label: month.format(day), ...(dated ? {year: year.format(day)} : {}), value: point.amount};
	});
};

const consumptionScript = (bill: UtilityBill, words: UtilityWords, f: Formatters): ConsumptionScript => {
	const unit = utilityUnits[bill.kind];
	const bars = chartBars(bill);
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
		label: words.costParts[bill.kind][key],
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

/**
 * Two or three tips for this kind of bill: those the bill's own numbers trigger, then the meter readings, and an
 * everyday saving only when the numbers trigger none (a single reading, no comparisons), so there are never fewer than two.
 */
const tipsScript = (bill: UtilityBill, words: UtilityWords, f: Formatters): TipsScript => {
	const now = current(bill);
	const last = bill.samePeriodLastYear;
	const similar = bill.similarHomes;
	const advice = words.advice[bill.kind];
	const peak = bill.consumption.reduce((max, point) => (point.amount > max.amount ? point : max), bill.consumption[0]!);
	const candidates = [
		last !== undefined && now > last * (1 + SAME) ? fill(words.tips.upOnLastYear, {advice: advice.upOnLastYear}) : undefined,
		similar !== undefined && now > similar * (1 + SAME) ? fill(words.tips.aboveSimilar, {advice: advice.aboveSimilar}) : undefined,
		similar !== undefined && now < similar * (1 - SAME) ? words.tips.belowSimilar : undefined,
		// With nothing used in any period there is no highest one to plan for.
		bill.consumption.length >= 3 && peak.amount > 0 ? fill(words.tips.peak, {date: f.date(peak.periodEnd)}) : undefined,
		words.tips.meterReadings,
	];
	const chosen = candidates.filter((tip): tip is string => tip !== undefined).slice(0, 3);
	const tips = chosen.length < 2 ? [...chosen, advice.everyDay] : chosen;
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
