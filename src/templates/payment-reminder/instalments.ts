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
 * at a time to the first instalments. As few instalments (at least 2, at most `max`) as keep each above the minimum.
 */
export const instalmentPlan = ({amountOverdue, instalments}: Pick<PaymentReminder, 'amountOverdue' | 'instalments'>): Instalment[] => {
	const wanted = Math.ceil(amountOverdue / instalments.minimumAmount);
	const count = Math.min(instalments.max, Math.max(2, wanted));
	const base = Math.floor(amountOverdue / count);
	const remainder = amountOverdue - base * count;
	return Array.from({length: count}, (_, index) => ({
		date: addMonths(instalments.firstDate, index),
		amount: base + (index < remainder ? 1 : 0),
	}));
};
