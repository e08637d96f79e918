import {cached, makeCache} from './cached';
import {writtenLocale} from './i18n/catalogue';

/**
 * Intl formatters, made once per locale and options: building one costs about 0.1 ms, far more than formatting, and
 * a watch page or a scene formats dozens of amounts and dates. They format in the locale the words are written in
 * (`writtenLocale`), so a French customer's English video says "21 November 2026", not "21 novembre 2026".
 */
const numberFormats = makeCache<Intl.NumberFormat>();
const dateFormats = makeCache<Intl.DateTimeFormat>();

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
	cached(numberFormats, `${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(writtenLocale(locale), options));

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
	cached(dateFormats, `${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(writtenLocale(locale), options));
