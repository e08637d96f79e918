import {formatDate, formatPeriod} from '../dates';
import {cached, makeCache} from '../cached';
import {numberFormat} from '../intl-formats';
import {minorDigits} from '../money';
import {isSingular, spokenCount, spokenDate, spokenDigits, spokenLanguage, spokenMoney, spokenNumber, spokenPercent, type SpokenLanguage} from './spoken-numbers';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A printed date as a pattern that takes any space where it has one: screens print dates with no-break spaces, so a
 * line never cuts one (formatDate), and a line written with plain ones still says the date.
 */
const anySpaces = (printed: string): RegExp => new RegExp(escape(printed).replace(/[ \u00a0\u2009\u202f]/gu, '[ \\u00a0\\u2009\\u202f]'), 'gu');

interface MoneyReader {
	readonly pattern: RegExp;
	readonly minorOf: (amount: string) => number;
}

/**
 * How the locale writes any amount in this currency, learnt from Intl's own parts for a sample amount: a pattern that
 * matches exactly what the scene scripts print ("€68.40", "68,40 €", "₩68,400", "-€5.00"), and an amount's value.
 * The separators are the currency format's own, which in some locales are not its plain numbers' (en-DE writes
 * "€1,234.50" but "1.234,5"): read with the plain ones, €68.40 was said as six thousand eight hundred and forty euros.
 */
const learnMoneyReader = (locale: string, currency: string): MoneyReader => {
	const parts = numberFormat(locale, {style: 'currency', currency, signDisplay: 'always'}).formatToParts(-1234567.89);
	const group = parts.find((part) => part.type === 'group')?.value ?? ',';
	const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
	const digits = minorDigits(currency);
	const number = `\\d[\\d${escape(group)}]*${digits > 0 ? `(?:${escape(decimal)}\\d{${digits}})?` : ''}`;
	let source = '';
	let numberDone = false;
	for (const part of parts) {
		if (part.type === 'minusSign') source += '(?<sign>[-−+])?';
		// A space may part the symbol from the number in one sign and not the other (en-CH: "£ 68.40", "£-68.40").
		else if (part.type === 'currency') source += numberDone ? `\\s?${escape(part.value)}` : `${escape(part.value)}\\s?`;
		else if (part.type === 'literal') source += '\\s?';
		else if (!numberDone && (part.type === 'integer' || part.type === 'group' || part.type === 'decimal' || part.type === 'fraction')) {
			source += `(?<amount>${number})`;
			numberDone = true;
		}
	}
	return {
		pattern: new RegExp(source, 'gu'),
		minorOf: (amount) => Math.round(Number(amount.split(group).join('').replace(decimal, '.')) * 10 ** digits),
	};
};

const moneyReaders = makeCache<MoneyReader>();

/** A unit's name for one of it and for any other amount; Korean has no plural. */
const unitWords: Record<SpokenLanguage, Record<string, {one: string; other: string}>> = {
	en: {GB: {one: 'gigabyte', other: 'gigabytes'}, kWh: {one: 'kilowatt hour', other: 'kilowatt hours'}, 'm³': {one: 'cubic metre', other: 'cubic metres'}},
	it: {GB: {one: 'gigabyte', other: 'gigabyte'}, kWh: {one: 'chilowattora', other: 'chilowattora'}, 'm³': {one: 'metro cubo', other: 'metri cubi'}},
	ko: {GB: {one: '기가바이트', other: '기가바이트'}, kWh: {one: '킬로와트시', other: '킬로와트시'}, 'm³': {one: '세제곱미터', other: '세제곱미터'}},
};

/** Italian nouns the scripts count in plain text ("1 giorno di ritardo"), whose one and round millions agree with them. */
const italianCounted = /^(giorn[oi]|minut[oi]|messaggio|messaggi|SMS|rat[ae]|mes[ei]|ann[oi]|settiman[ae])$/u;

/**
 * Words each voice mispronounces as written, respelt the way they are said. Festival's Italian voice reads English
 * loanwords by Italian rules ("gigabite", "ro-a-ming"); espeak-ng's Korean voice reads Latin letters in English.
 */
const respellings: Record<SpokenLanguage, ReadonlyArray<[RegExp, string]>> = {
	en: [],
	it: [
		[/\bgigabyte\b/giu, 'gigabàit'],
		[/\broaming\b/giu, 'ròuming'],
	],
	ko: [[/\bPDF\b/gu, '피디에프']],
};

const respell = (text: string, language: SpokenLanguage): string =>
	respellings[language].reduce(
		(out, [word, said]) => out.replace(word, (found) => (found[0] === found[0]!.toUpperCase() ? said.charAt(0).toUpperCase() + said.slice(1) : said)),
		text,
	);

/** A Hangul syllable ends in a consonant (batchim), which picks 을/이/은/과 over 를/가/는/와. */
const hasFinalConsonant = (syllable: string): boolean => (syllable.charCodeAt(0) - 0xac00) % 28 !== 0;

export interface SpokenContext {
	readonly locale: string;
	readonly currency: string;
	/** Every date a script may print, as printed (whatever its spaces), with what to say instead; longest first. */
	readonly dates: ReadonlyArray<{readonly printed: RegExp; readonly said: string}>;
	/** Digits said one by one wherever they appear, such as a card's last four. */
	readonly spelled: readonly string[];
}

const yearOf = (isoDate: string): string => isoDate.slice(0, 4);

const periodWords: Record<SpokenLanguage, (start: string, end: string) => string> = {
	en: (start, end) => `${start} to ${end}`,
	it: (start, end) => `il periodo dal ${start} al ${end}`,
	ko: (start, end) => `${start}부터 ${end}까지`,
};

/**
 * The dates found in a bill, printed the ways the scripts print them (long dates, the billing period) and spoken. The
 * screen always shows a date's year; the voice leaves it out only in the year the bill is written in (`writtenOn`, else
 * its period's end, else the one year all its dates share), where it goes without saying. Otherwise every year is said:
 * left out, a date of last year ("è terminato il 30 novembre 2025") sounded like one to come.
 */
export const spokenContext = ({
	locale,
	currency,
	dates,
	period,
	writtenOn = period?.end,
	spelled = [],
}: {
	locale: string;
	currency: string;
	dates: readonly string[];
	period?: {start: string; end: string} | undefined;
	/** The day the bill or reminder is written on. */
	writtenOn?: string | undefined;
	spelled?: readonly string[];
}): SpokenContext => {
	// A bill whose dates all fall in one year is written in that year.
	const home = writtenOn ?? (new Set(dates.map(yearOf)).size === 1 ? dates[0] : undefined);
	const said = (date: string, withYear = home === undefined || yearOf(date) !== yearOf(home)) => spokenDate(date, locale, {withYear});
	const entries: Array<[string, string]> = dates.map((date) => [formatDate(date, locale), said(date)]);
	if (period) {
		// A period across the new year says both years, or its start would sound like the end's year.
		const across = yearOf(period.start) !== yearOf(period.end);
		const spokenPeriod = periodWords[spokenLanguage(locale)](said(period.start, across || undefined), said(period.end, across || undefined));
		entries.push([formatPeriod(period.start, period.end, locale), spokenPeriod]);
	}
	// Longest first, so a period is replaced whole before any date inside it.
	const dated = entries.sort(([a], [b]) => b.length - a.length).map(([printed, saying]) => ({printed: anySpaces(printed), said: saying}));
	return {locale, currency, dates: dated, spelled};
};

/**
 * An on-screen line rewritten for the ear: dates, amounts, percentages, phone numbers, units and plain numbers become
 * words, so a speech engine never guesses how to read "€68.40" or "2026년 11월 21일".
 */
export const speakText = (text: string, context: SpokenContext): string => {
	const {locale, currency} = context;
	const language = spokenLanguage(locale);
	let out = text;
	for (const {printed, said} of context.dates) out = out.replace(printed, () => said);
	for (const digits of context.spelled) out = out.replace(new RegExp(`(?<!\\d)${escape(digits)}(?!\\d)`, 'gu'), spokenDigits(digits, locale));
	if (language === 'ko') out = out.replace(/([\uAC00-\uD7A3])([을이은과])\(([를가는와])\)/gu, (_, syllable: string, after: string, open: string) => syllable + (hasFinalConsonant(syllable) ? after : open));
	const group = numberFormat(locale).formatToParts(12345.6);
	const groupSep = group.find((part) => part.type === 'group')?.value ?? ',';
	const decimalSep = group.find((part) => part.type === 'decimal')?.value ?? '.';
	const toPlain = (amount: string): string => amount.split(groupSep).join('').replace(decimalSep, '.');
	// Learnt once per locale and currency, not again for every sentence of every render.
	const money = cached(moneyReaders, `${locale} ${currency}`, () => learnMoneyReader(locale, currency));
	out = out.replace(money.pattern, (...args) => {
		const {sign, amount} = args.at(-1) as {sign?: string; amount: string};
		const minor = money.minorOf(amount);
		return spokenMoney({minor: sign === '-' || sign === '−' ? -minor : minor, currency, locale});
	});
	out = out.replace(/(\d+)\s?%/gu, (_, value: string) => spokenPercent(Number(value), locale));
	const grouped = new RegExp(`^[1-9]\\d{0,2}(?:${escape(groupSep)}\\d{3})+$`, 'u');
	// Six or more digits in groups (and a leading +) is a phone number, read digit by digit; a number grouped the way the
	// locale groups thousands is not (Italian's "123.456 kWh" was read as one).
	out = out.replace(/\+?\d[\d\s\-–./()]{5,}\d/gu, (match) => (match.replace(/\D/g, '').length >= 6 && !grouped.test(match) ? spokenDigits(match, locale) : match));
	const number = `\\d+(?:${escape(groupSep)}\\d{3})*(?:${escape(decimalSep)}\\d+)?`;
	const units = unitWords[language];
	out = out.replace(new RegExp(`(${number})\\s?(${Object.keys(units).map(escape).join('|')})(?![\\p{L}])`, 'gu'), (_, amount: string, unit: string) => {
		const plain = toPlain(amount);
		const name = isSingular(plain, locale) ? units[unit]!.one : units[unit]!.other;
		return `${spokenCount(plain, name, locale)} ${name}`;
	});
	out = out.replace(new RegExp(`${number}(?=(\\s\\p{L}+)?)`, 'gu'), (match, next: string | undefined) => {
		const noun = next?.trim();
		return language === 'it' && noun && italianCounted.test(noun) ? spokenCount(toPlain(match), noun, locale) : spokenNumber(toPlain(match), locale);
	});
	return respell(out, language).replace(/\s+/gu, ' ').trim();
};
