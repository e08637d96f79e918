import {dateTimeFormat} from './intl-formats';

/** Bill dates are calendar dates (YYYY-MM-DD) without a time zone; they are formatted in UTC so no zone shifts them a day. */
const toUtcDate = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);

export type DateStyle = 'long' | 'medium' | 'short';

export const formatDate = (isoDate: string, locale: string, style: DateStyle = 'long'): string =>
	dateTimeFormat(locale, {dateStyle: style, timeZone: 'UTC'}).format(toUtcDate(isoDate));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
	Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / 86_400_000);

/** A billing period as the locale writes a date range ("1–31 Oct 2026"). */
export const formatPeriod = (start: string, end: string, locale: string): string =>
	dateTimeFormat(locale, {dateStyle: 'medium', timeZone: 'UTC'}).formatRange(toUtcDate(start), toUtcDate(end));
