import type {PaymentReminder} from './payment-reminder-schema';

export interface Instalment {
	readonly date: string;
	readonly amount: number;
}

const addMonths = (isoDate: string, months: number): string => {
	const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
	const target = new Date(Date.UTC(year, month - 1 + months, 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(day, lastDay));
	return target.toISOString().slice(0, 10);
};

/**
 * A monthly plan in integer minor units that adds up exactly to the debt: the remainder of the division goes one unit
 * at a time to the first instalments. The most instalments (2 to `max`) that keep each at or above the supplier's
 * minimum; none when even two would each be under it, for then there is no plan to offer.
 */
export const instalmentPlan = ({amountOverdue, instalments}: Pick<PaymentReminder, 'amountOverdue' | 'instalments'>): Instalment[] => {
	// The smallest of n instalments is floor(debt / n), at least the (whole) minimum exactly when n × minimum ≤ debt.
	const count = Math.min(instalments.max, Math.floor(amountOverdue / instalments.minimumAmount));
	if (count < 2) return [];
	const base = Math.floor(amountOverdue / count);
	const remainder = amountOverdue - base * count;
	return Array.from({length: count}, (_, index) => ({
		date: addMonths(instalments.firstDate, index),
		amount: base + (index < remainder ? 1 : 0),
	}));
};
