import {cached, makeCache} from './cached';
import {dateTimeFormat} from './intl-formats';

/** Bill dates are calendar dates (YYYY-MM-DD) without a time zone; they are formatted in UTC so no zone shifts them a day. */
const toUtcDate = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);

/** Spaces that do not break a line, each as wide as the one it replaces. */
const unbreakable = (text: string): string => text.replace(/ /g, '\u00a0').replace(/\u2009/g, '\u202f');

export type DateStyle = 'long' | 'medium' | 'short';

/**
 * A date as the locale writes it ("21 November 2026", "2026년 11월 21일"), which a line never breaks inside: wrapped
 * anywhere, a title read "Scadenza: 21 / novembre 2026". Every screen that prints a date (scenes, captions, the watch
 * page, the player) gets it from here, and the narration finds it by this same text.
 */
export const formatDate = (isoDate: string, locale: string, style: DateStyle = 'long'): string =>
	unbreakable(dateTimeFormat(locale, {dateStyle: style, timeZone: 'UTC'}).format(toUtcDate(isoDate)));

/**
 * Today's date where the day ends last (UTC−12, "anywhere on earth"). A bill's due date carries no time zone, so it has
 * passed for its customer only once it has passed there: counted from UTC's date, a bill due today read "1 day overdue"
 * from 19:00 (20:00 in summer) on its due date in New York. Customers east of UTC see a day counted up to a day late, never early.
 */
export const todayAnywhereOnEarth = (now: Date): string => new Date(now.getTime() - 12 * 3_600_000).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
	Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / 86_400_000);

const unpaddedDays = makeCache<boolean>();

/**
 * Whether the locale writes a day without a leading zero in its own dates ("5 ott 2026"). Its range patterns may pad
 * it still (CLDR's Italian reads "01–31 ott 2026"): a period follows the locale's dates.
 */
const daysUnpadded = (locale: string, format: Intl.DateTimeFormat): boolean =>
	cached(unpaddedDays, locale, () => format.formatToParts(toUtcDate('2026-01-05')).find((part) => part.type === 'day')?.value === '5');

/**
 * A billing period as the locale writes a date range ("1 – 31 Oct 2026"), which a narrow frame may wrap only after its
 * dash: broken anywhere, a line could end "your bill for 1" and the next begin "– 31 Oct 2026".
 */
export const formatPeriod = (start: string, end: string, locale: string): string => {
	const format = dateTimeFormat(locale, {dateStyle: 'medium', timeZone: 'UTC'});
	const unpadded = daysUnpadded(locale, format);
	const parts = format
		.formatRangeToParts(toUtcDate(start), toUtcDate(end))
		.map((part) => (unpadded && part.type === 'day' ? {...part, value: part.value.replace(/^0(?=\d)/, '')} : part));
	const text = (from: number, to?: number) => parts.slice(from, to).map((part) => part.value).join('');
	// The separator is the shared text just before the end date; a one-day period has none.
	const endsAt = parts.findIndex((part) => part.source === 'endRange');
	if (endsAt < 1) return unbreakable(text(0));
	const separator = text(endsAt - 1, endsAt);
	const kept = separator.trimEnd();
	return `${unbreakable(text(0, endsAt - 1) + kept)}${separator.slice(kept.length)}${unbreakable(text(endsAt))}`;
};
