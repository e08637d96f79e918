import {formatDate} from '../dates';
import {numberFormat} from '../intl-formats';
import {formatMoney} from '../money';
import type {Formatters} from './script-types';

/** Money, dates and numbers the way the customer's locale writes them, always through Intl. */
export const formattersFor = ({locale, currency}: {locale: string; currency: string}): Formatters => {
	const number = numberFormat(locale, {maximumFractionDigits: 1});
	const percent = numberFormat(locale, {style: 'percent', maximumFractionDigits: 0});
	return {
		money: (minor, signed) => formatMoney({minor, currency, locale, signed}),
		date: (isoDate) => formatDate(isoDate, locale),
		number: (value) => number.format(value),
		percent: (fraction) => percent.format(fraction),
	};
};
