/** Digits after the decimal point for a currency, as the locale data says (2 for EUR, 0 for KRW). */
export const minorDigits = (currency: string): number =>
	new Intl.NumberFormat('en', {style: 'currency', currency}).resolvedOptions().maximumFractionDigits ?? 2;

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
	new Intl.NumberFormat(locale, {
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
