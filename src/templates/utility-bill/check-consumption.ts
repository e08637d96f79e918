import type {z} from 'zod';
import {areDates} from '../../bill-fields';

interface Readings {
	readonly period: {readonly start: string; readonly end: string};
	readonly consumption: ReadonlyArray<{readonly periodEnd: string; readonly amount: number}>;
	readonly samePeriodLastYear?: number | undefined;
}

const DAY = 86_400_000;

const dayBefore = (isoDate: string): string => new Date(Date.parse(`${isoDate}T00:00:00Z`) - DAY).toISOString().slice(0, 10);

/** The same calendar day a year earlier; 29 February, which that year lacks, becomes the 28th. */
const yearEarlier = (isoDate: string): string => {
	const shifted = `${String(Number(isoDate.slice(0, 4)) - 1).padStart(4, '0')}${isoDate.slice(4)}`;
	return areDates(shifted) ? shifted : `${shifted.slice(0, 8)}28`;
};

/**
 * The consumption scene says "This period: <last reading>", draws the readings left to right as time runs, compares
 * the last one with `samePeriodLastYear` and names the busiest period's end. Each reading covers the days after the one
 * before it, so the last must end exactly when the bill's period ends (a reading ending elsewhere in that month is
 * another period) and the one before it the day before the period starts: a two-month bill with monthly readings
 * would otherwise call one month's use the bill's. A reading for the same period a year earlier is on the chart, so
 * a `samePeriodLastYear` beside it must be the same figure.
 */
export const checkConsumption = (bill: Readings, ctx: z.RefinementCtx): void => {
	const ends = bill.consumption.map((point) => point.periodEnd);
	if (!areDates(bill.period.start, bill.period.end, ...ends)) return;
	const at = (index: number) => ['consumption', index, 'periodEnd'];
	ends.forEach((end, index) => {
		const before = ends[index - 1];
		if (before !== undefined && end <= before) {
			ctx.addIssue({code: 'custom', path: at(index), message: `must be after the reading before it (${before}): readings go oldest first, one per metered period`});
		}
	});
	const last = ends.length - 1;
	if (ends[last] !== bill.period.end) {
		ctx.addIssue({code: 'custom', path: at(last), message: `must be the end of this bill's period (${bill.period.end}): the last reading is what the video calls this period's consumption`});
	}
	const start = dayBefore(bill.period.start);
	if (last > 0 && ends[last - 1] !== start) {
		ctx.addIssue({
			code: 'custom',
			path: at(last - 1),
			message: `must be the day before this bill's period starts (${start}): each reading covers the days after the one before it, so the last one covers the bill's period`,
		});
	}
	const lastYear = ends.findIndex((end, index) => end === yearEarlier(bill.period.end) && ends[index - 1] === yearEarlier(start));
	const shown = bill.consumption[lastYear]?.amount;
	if (shown !== undefined && bill.samePeriodLastYear !== undefined && bill.samePeriodLastYear !== shown) {
		ctx.addIssue({
			code: 'custom',
			path: ['samePeriodLastYear'],
			message: `must be ${shown}, the reading for the same period a year earlier (ending ${ends[lastYear]}), which the chart shows`,
		});
	}
};
