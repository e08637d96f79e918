import {toCardinal as enCardinal, toOrdinal as enOrdinal} from 'n2words/en-GB';
import {toCardinal as itCardinal, toCurrency as itEuros} from 'n2words/it-IT';
import {toCardinal as koCardinal} from 'n2words/ko-KR';
import {languageOf, writtenLocale} from '../i18n/catalogue';
import {numberFormat} from '../intl-formats';
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

/** A number as words ("twenty-three point four", "ventitré virgola quattro", "이십삼 점 사"). */
export const spokenNumber = (value: number | string, locale: string): string => cardinals[spokenLanguage(locale)](value);

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
	if (language === 'it' && currency === 'EUR') return `${sign}${itEuros(abs / 100)}`;
	const card = cardinals[language];
	const units = unitsFor(currency, language, locale);
	const majorWords = `${card(major)} ${major === 1 ? units.one : units.other}`;
	if (cents === 0) return `${sign}${majorWords}`;
	const minorName = units.minorOther && (cents === 1 ? (units.minorOne ?? units.minorOther) : units.minorOther);
	if (major === 0 && minorName) return `${sign}${card(cents)} ${minorName}`;
	// English leaves the minor unit unnamed after the major one ("euros forty"), as do the others when it has no name.
	const centWords = language !== 'en' && minorName ? `${card(cents)} ${minorName}` : card(cents);
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

/**
 * A calendar date as it is said, without the year the bill's context makes obvious: "the twenty-first of November",
 * "ventuno novembre" ("primo" for the first), "십일월 이십일일".
 */
export const spokenDate = (isoDate: string, locale: string): string => {
	const [, month = 1, day = 1] = isoDate.split('-').map(Number);
	const language = spokenLanguage(locale);
	if (language === 'ko') return `${koreanMonths[month - 1]} ${koCardinal(day)}일`;
	const monthName = new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {month: 'long', timeZone: 'UTC'}).format(
		new Date(Date.UTC(2000, month - 1, 1)),
	);
	if (language === 'it') return `${day === 1 ? 'primo' : itCardinal(day)} ${monthName}`;
	return `the ${enOrdinal(day)} of ${monthName}`;
};

const digitWords: Record<SpokenLanguage, readonly string[]> = {
	en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
	it: ['zero', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove'],
	ko: ['공', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'],
};

/** A phone number digit by digit, its groups kept as pauses, as people read numbers out. */
export const spokenDigits = (text: string, locale: string): string => {
	const words = digitWords[spokenLanguage(locale)];
	return text
		.trim()
		.split(/[\s\-–./()]+/)
		.filter((group) => group.length > 0)
		.map((group) => [...group.replace(/^\+/, '')].map((digit) => words[Number(digit)] ?? digit).join(' '))
		.join(', ');
};
