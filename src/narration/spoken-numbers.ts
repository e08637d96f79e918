import {toCardinal as enCardinal, toOrdinal as enOrdinal} from 'n2words/en-GB';
import {toCardinal as itCardinal} from 'n2words/it-IT';
import {toCardinal as koCardinal} from 'n2words/ko-KR';
import {languageOf, writtenLocale} from '../i18n/catalogue';
import {cached, makeCache} from '../cached';
import {dateTimeFormat, numberFormat} from '../intl-formats';
import {minorDigits} from '../money';

/** The languages narration speaks: the language the words are written in (`writtenLocale`). */
export type SpokenLanguage = 'en' | 'it' | 'ko';

export const spokenLanguage = (locale: string): SpokenLanguage => {
	const language = languageOf(writtenLocale(locale));
	return language === 'it' || language === 'ko' ? language : 'en';
};

interface CurrencyWords {
	readonly one: string;
	readonly other: string;
	readonly minorOne?: string;
	readonly minorOther?: string;
}

/**
 * Unit names a TTS engine reads aloud. n2words' own currency form is fixed per locale (en-GB always says pounds), while
 * a bill's currency is independent of its language, so the number comes from n2words and the unit from here.
 */
const currencyWords: Record<SpokenLanguage, Record<string, CurrencyWords>> = {
	en: {
		EUR: {one: 'euro', other: 'euros', minorOne: 'cent', minorOther: 'cents'},
		GBP: {one: 'pound', other: 'pounds', minorOne: 'penny', minorOther: 'pence'},
		USD: {one: 'dollar', other: 'dollars', minorOne: 'cent', minorOther: 'cents'},
		KRW: {one: 'won', other: 'won'},
	},
	it: {
		EUR: {one: 'euro', other: 'euro', minorOne: 'centesimo', minorOther: 'centesimi'},
		GBP: {one: 'sterlina', other: 'sterline', minorOne: 'penny', minorOther: 'pence'},
		USD: {one: 'dollaro', other: 'dollari', minorOne: 'centesimo', minorOther: 'centesimi'},
		KRW: {one: 'won', other: 'won'},
	},
	ko: {
		EUR: {one: '유로', other: '유로', minorOne: '센트', minorOther: '센트'},
		GBP: {one: '파운드', other: '파운드', minorOne: '펜스', minorOther: '펜스'},
		USD: {one: '달러', other: '달러', minorOne: '센트', minorOther: '센트'},
		KRW: {one: '원', other: '원'},
	},
};

const minusWord: Record<SpokenLanguage, string> = {en: 'minus', it: 'meno', ko: '마이너스'};

const cardinals: Record<SpokenLanguage, (value: number | string) => string> = {
	en: enCardinal,
	it: itCardinal,
	ko: koCardinal,
};

const digitWords: Record<SpokenLanguage, readonly string[]> = {
	en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
	it: ['zero', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove'],
	ko: ['공', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'],
};

/** Korean says a phone number's zero 공 but a decimal's 영. */
const decimalDigitWords: Record<SpokenLanguage, readonly string[]> = {...digitWords, ko: ['영', ...digitWords.ko.slice(1)]};

const pointWords: Record<SpokenLanguage, string> = {en: 'point', it: 'virgola', ko: '점'};

/**
 * A number as words ("twenty-nine point nine six", "ventinove virgola novantasei", "이십구 점 구육"). English and Korean
 * say the digits after the point one by one; Italian says them as a number, as Italians do (n2words said "twenty-nine
 * point ninety-six" and "이십구 점 구십육").
 */
export const spokenNumber = (value: number | string, locale: string): string => {
	const language = spokenLanguage(locale);
	const [whole = '', fraction] = String(value).split('.');
	if (fraction === undefined || language === 'it') return cardinals[language](value);
	const digits = [...fraction].map((digit) => decimalDigitWords[language][Number(digit)]);
	return `${cardinals[language](whole)} ${pointWords[language]} ${digits.join(language === 'ko' ? '' : ' ')}`;
};

/** Italian nouns a count may name that are feminine ("una rata"); the rest are masculine ("un giorno", "un SMS"). */
const italianFeminine = new Set(['rata', 'settimana', 'sterlina', 'corona', 'lira', 'rupia']);

/**
 * A number said before the noun it counts: Italian's one agrees with it ("un giorno", "uno sconto", "una rata"), and a
 * round million or billion takes "di" ("un milione di euro"); English and Korean say the number alone.
 */
export const spokenCount = (value: number | string, noun: string, locale: string): string => {
	const words = spokenNumber(value, locale);
	if (spokenLanguage(locale) !== 'it') return words;
	if (String(value) === '1') return italianFeminine.has(noun.split(' ')[0]!) ? 'una' : /^(s[^aeiou]|z|gn|ps|pn|x|y)/u.test(noun) ? 'uno' : 'un';
	return /(milion[ei]|miliard[oi])$/u.test(words) ? `${words} di` : words;
};

const pluralRulesByDigits = makeCache<Intl.PluralRules>();

/** Whether a count, written with this many decimals, takes a noun's singular: "1 gigabyte" but "1.0 gigabytes". */
export const isSingular = (value: string, locale: string): boolean => {
	const digits = value.split('.')[1]?.length ?? 0;
	const language = spokenLanguage(locale);
	return cached(pluralRulesByDigits, `${language} ${digits}`, () => new Intl.PluralRules(language, {minimumFractionDigits: digits})).select(Number(value)) === 'one';
};

/** A currency's name as the locale says it of one or of many ("Swiss franc", "Swiss francs", "franchi svizzeri"). */
const currencyName = (currency: string, locale: string, count: 1 | 2): string =>
	numberFormat(locale, {style: 'currency', currency, currencyDisplay: 'name', maximumFractionDigits: 0})
		.formatToParts(count)
		// The last: for some regions (en-DE) ICU puts the code before the name, both marked as the currency.
		.filter((part) => part.type === 'currency')
		.at(-1)?.value ?? currency;

const unitsFor = (currency: string, language: SpokenLanguage, locale: string): CurrencyWords =>
	// A currency without hand-written words still gets its proper names from the locale data.
	currencyWords[language][currency] ?? {one: currencyName(currency, locale, 1), other: currencyName(currency, locale, 2)};

/**
 * An amount in minor units as a listener expects it: "sixty-eight euros forty", "sessantotto euro e quaranta
 * centesimi", "육만 팔천사백 원". Every minor unit is said, named or not: "sixty-eight Swiss francs forty".
 */
export const spokenMoney = ({minor, currency, locale}: {minor: number; currency: string; locale: string}): string => {
	const language = spokenLanguage(locale);
	const sign = minor < 0 ? `${minusWord[language]} ` : '';
	const digits = minorDigits(currency);
	const abs = Math.abs(minor);
	const major = Math.floor(abs / 10 ** digits);
	const cents = abs % 10 ** digits;
	const card = cardinals[language];
	const units = unitsFor(currency, language, locale);
	const counted = (count: number, noun: string) => `${spokenCount(count, noun, locale)} ${noun}`;
	const majorWords = counted(major, major === 1 ? units.one : units.other);
	if (cents === 0) return `${sign}${majorWords}`;
	const minorName = units.minorOther && (cents === 1 ? (units.minorOne ?? units.minorOther) : units.minorOther);
	if (major === 0 && minorName) return `${sign}${counted(cents, minorName)}`;
	// English leaves the minor unit unnamed after the major one ("euros forty"), as do the others when it has no name.
	const centWords = language !== 'en' && minorName ? counted(cents, minorName) : card(cents);
	return `${sign}${majorWords}${language === 'it' ? ' e' : ''} ${centWords}`;
};

const percentWords: Record<SpokenLanguage, string> = {en: 'per cent', it: 'per cento', ko: '퍼센트'};

/** A whole percentage ("fifteen per cent", "quindici per cento", "십오 퍼센트"). */
export const spokenPercent = (percent: number, locale: string): string => {
	const language = spokenLanguage(locale);
	return `${cardinals[language](percent)} ${percentWords[language]}`;
};

/** Korean reads months with Sino-Korean numbers, two of them irregular (유월, 시월). */
const koreanMonths = ['일월', '이월', '삼월', '사월', '오월', '유월', '칠월', '팔월', '구월', '시월', '십일월', '십이월'];

/** English says a year in pairs ("twenty twenty-five"), except the first ten of a century ("two thousand and five"). */
const englishYear = (year: number): string => (year % 100 >= 10 ? `${enCardinal(Math.floor(year / 100))} ${enCardinal(year % 100)}` : enCardinal(year));

/**
 * A calendar date as it is said: "the twenty-first of November", "ventuno novembre" ("primo" for the first),
 * "십일월 이십일일", with the year ("the thirtieth of November twenty twenty-five", "이천이십오년 십일월 삼십일") when
 * the bill's context does not make it obvious.
 */
export const spokenDate = (isoDate: string, locale: string, {withYear = false}: {withYear?: boolean} = {}): string => {
	const [year = 2000, month = 1, day = 1] = isoDate.split('-').map(Number);
	const language = spokenLanguage(locale);
	if (language === 'ko') return `${withYear ? `${koCardinal(year)}년 ` : ''}${koreanMonths[month - 1]} ${koCardinal(day)}일`;
	const monthName = dateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {month: 'long', timeZone: 'UTC'}).format(
		new Date(Date.UTC(2000, month - 1, 1)),
	);
	if (language === 'it') return `${day === 1 ? 'primo' : itCardinal(day)} ${monthName}${withYear ? ` ${itCardinal(year)}` : ''}`;
	return `the ${enOrdinal(day)} of ${monthName}${withYear ? ` ${englishYear(year)}` : ''}`;
};

const plusWords: Record<SpokenLanguage, string> = {en: 'plus', it: 'più', ko: '플러스'};

/** A phone number digit by digit, its groups kept as pauses, as people read numbers out. */
export const spokenDigits = (text: string, locale: string): string => {
	const language = spokenLanguage(locale);
	const words = digitWords[language];
	// The plus of an international number is said: without it "+44 20…" sounds like a number to dial from home.
	const plus = text.trim().startsWith('+') ? `${plusWords[language]} ` : '';
	return `${plus}${text
		.trim()
		.split(/[\s\-–./()]+/)
		.filter((group) => group.length > 0)
		.map((group) => [...group.replace(/^\+/, '')].map((digit) => words[Number(digit)] ?? digit).join(' '))
		.join(', ')}`;
};
