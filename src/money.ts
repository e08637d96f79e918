import {numberFormat} from './intl-formats';

/** Digits after the decimal point for a currency, as the locale data says (2 for EUR, 0 for KRW). */
export const minorDigits = (currency: string): number =>
	numberFormat('en', {style: 'currency', currency}).resolvedOptions().maximumFractionDigits ?? 2;

/**
 * The largest amount billcast takes, either way, in minor units: €10 billion, ₩1 trillion. No customer's bill comes near
 * it, and it keeps the sums the schemas check exact (500 line items of it stay far below 2^53, where integers stop
 * being exact in JavaScript), so a mistyped amount is refused rather than rounded into the video.
 */
export const MAX_MINOR_UNITS = 1_000_000_000_000;
export const TOO_LARGE = `must be between -${MAX_MINOR_UNITS.toLocaleString('en')} and ${MAX_MINOR_UNITS.toLocaleString('en')} minor units`;

export interface FormatMoneyOptions {
	readonly minor: number;
	readonly currency: string;
	readonly locale: string;
	/** Show a plus sign on positive amounts (for differences). */
	readonly signed?: boolean;
}

/** The decimal string of an amount with exactly the currency's digits ("42.50", "12000"), for links and forms. */
export const minorToDecimalString = (minor: number, currency: string): string => {
	const digits = minorDigits(currency);
	const sign = minor < 0 ? '-' : '';
	const abs = Math.abs(minor).toString().padStart(digits + 1, '0');
	return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
};

/**
 * An amount in its locale's currency format, from its exact decimal string: divided by 100 as a float,
 * 9007199254740991 cents showed as €90,071,992,547,409.90.
 */
export const formatMoney = ({minor, currency, locale, signed = false}: FormatMoneyOptions): string =>
	numberFormat(locale, {style: 'currency', currency, signDisplay: signed ? 'exceptZero' : 'auto'}).format(
		// Intl.NumberFormat formats a decimal string digit for digit (Node 20, Chromium, Safari 15.4, Firefox 116); the
		// ES2022 library this project compiles against declares numbers only.
		minorToDecimalString(minor, currency) as unknown as number,
	);

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
	// String() of a JSON number is the shortest text that reads back as the same number: 68.4 gives "68.4". Every amount
	// up to MAX_MINOR_UNITS has at most 15 significant digits, which a double keeps exactly; a larger one is refused.
	const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(typeof value === 'number' ? String(value) : value.trim());
	if (!match) return {ok: false, message: `must be a decimal number such as 68.40, not ${quoted(value)}`};
	const [, sign, whole, fraction = ''] = match;
	if (/[^0]/.test(fraction.slice(digits))) {
		return {ok: false, message: `has more decimals than ${currency} allows (${digits}): ${quoted(value)} is not a whole number of minor units`};
	}
	const minor = Number(`${sign}${whole}${fraction.slice(0, digits).padEnd(digits, '0')}`);
	if (Math.abs(minor) > MAX_MINOR_UNITS) {
		const most = minorToDecimalString(MAX_MINOR_UNITS, currency);
		return {ok: false, message: `must be between -${most} and ${most} ${currency}`};
	}
	// Number('-000') is -0, which JSON writes as 0 but Object.is tells apart.
	return {ok: true, minor: minor + 0};
};
