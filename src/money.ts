import {numberFormat} from './intl-formats';

/** Digits after the decimal point for a currency, as the locale data says (2 for EUR, 0 for KRW). */
export const minorDigits = (currency: string): number =>
	numberFormat('en', {style: 'currency', currency}).resolvedOptions().maximumFractionDigits ?? 2;

/** Converts minor units to the decimal amount only for display; arithmetic stays in integers. */
const toMajor = (minor: number, currency: string): number => minor / 10 ** minorDigits(currency);

export interface FormatMoneyOptions {
	readonly minor: number;
	readonly currency: string;
	readonly locale: string;
	/** Show a plus sign on positive amounts (for differences). */
	readonly signed?: boolean;
}

export const formatMoney = ({minor, currency, locale, signed = false}: FormatMoneyOptions): string =>
	numberFormat(locale, {
		style: 'currency',
		currency,
		signDisplay: signed ? 'exceptZero' : 'auto',
	}).format(toMajor(minor, currency));

/** The decimal string of an amount with exactly the currency's digits ("42.50", "12000"), for links and forms. */
export const minorToDecimalString = (minor: number, currency: string): string => {
	const digits = minorDigits(currency);
	const sign = minor < 0 ? '-' : '';
	const abs = Math.abs(minor).toString().padStart(digits + 1, '0');
	return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
};

/** A value a message quotes, cut short: an answer should not send a client's 200 KB string back to it twice. */
const quoted = (value: number | string): string => {
	const text = JSON.stringify(value);
	return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

export type MinorUnitsResult = {readonly ok: true; readonly minor: number} | {readonly ok: false; readonly message: string};

/**
 * A decimal amount ("68.40", or the number 68.4 as JSON gave it) as exact minor units, read digit by digit: multiplying
 * a float by 100 can land a cent off. More decimals than the currency has are refused unless they are zeros.
 */
export const decimalToMinor = ({value, currency}: {value: number | string; currency: string}): MinorUnitsResult => {
	const digits = minorDigits(currency);
	// String() of a JSON number is the shortest text that reads back as the same number: 68.4 gives "68.4".
	const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(typeof value === 'number' ? String(value) : value.trim());
	if (!match) return {ok: false, message: `must be a decimal number such as 68.40, not ${quoted(value)}`};
	const [, sign, whole, fraction = ''] = match;
	if (/[^0]/.test(fraction.slice(digits))) {
		return {ok: false, message: `has more decimals than ${currency} allows (${digits}): ${quoted(value)} is not a whole number of minor units`};
	}
	const minor = Number(`${sign}${whole}${fraction.slice(0, digits).padEnd(digits, '0')}`);
	if (!Number.isSafeInteger(minor)) return {ok: false, message: 'is too large'};
	// Number('-000') is -0, which JSON writes as 0 but Object.is tells apart.
	return {ok: true, minor: minor + 0};
};
