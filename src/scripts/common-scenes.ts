import {amountToPay} from '../bill-fields';
import {formatPeriod} from '../dates';
import {fill, type Messages} from '../i18n/catalogue';
import type {MessageVariant} from '../message-variants';
import {needsPayment} from '../needs-payment';
import type {Formatters, SceneScript} from './script-types';

export interface GreetingScript extends SceneScript {
	readonly brand: string;
	readonly title: string;
	readonly subtitle: string;
}

export interface DueScript extends SceneScript {
	readonly title: string;
	readonly amount: string;
	/** Why there is nothing to pay, what was paid so far, or an experiment's nudge to pay; shown under the amount. */
	readonly status?: string;
	readonly payLabel?: string;
}

export interface CloseScript extends SceneScript {
	readonly title: string;
	/** The labels of the buttons under the title, in the order the timeline places them. */
	readonly buttons: readonly string[];
}

const lines = (...parts: Array<string | undefined>): string[] => parts.filter((part): part is string => part !== undefined);

export const greetingScript = ({brand, title, subtitle}: {brand: string; title: string; subtitle: string}): GreetingScript => ({
	brand,
	title,
	subtitle,
	lines: lines(title, subtitle),
});

export const billGreetingScript = (
	bill: {customer: {name: string; locale: string}; brand: {name: string}; period: {start: string; end: string}},
	messages: Messages,
): GreetingScript => {
	const title = fill(messages.greeting, {name: bill.customer.name});
	const subtitle = fill(messages.greetingSubtitle, {
		brand: bill.brand.name,
		period: formatPeriod(bill.period.start, bill.period.end, bill.customer.locale),
	});
	return greetingScript({brand: bill.brand.name, title, subtitle});
};

interface PayableBill {
	readonly amountDue: number;
	readonly dueDate: string;
	readonly messageVariant?: MessageVariant | undefined;
	readonly payment: {
		readonly status: string;
		readonly payUrl?: string | undefined;
		readonly cardLast4?: string | undefined;
		readonly amountPaid?: number | undefined;
	};
}

/** The due scene: pay now, or why there is nothing to do (paid, autopay, credit balance). */
export const dueScript = (bill: PayableBill, messages: Messages, f: Formatters): DueScript => {
	// A script reads no clock: it goes by the bill's status. The MP4 is the bill as sent; the live player draws it as it
	// stands on the viewing day the server sends, a bill sent as due and past its date already made overdue (`asSeenOn`).
	const overdue = bill.payment.status === 'overdue';
	const title = fill(overdue ? messages.dueDatePassed : messages.dueTitle, {date: f.date(bill.dueDate)});
	const amount = f.money(bill.amountDue);
	if (bill.amountDue < 0) {
		const status = fill(messages.creditBalance, {amount: f.money(-bill.amountDue)});
		return {title: messages.totalTitle, amount, status, lines: lines(messages.totalTitle, amount, status)};
	}
	if (bill.amountDue === 0) {
		return {title: messages.totalTitle, amount, status: messages.nothingToPay, lines: lines(messages.totalTitle, amount, messages.nothingToPay)};
	}
	if (bill.payment.status === 'paid') return {title, amount, status: messages.alreadyPaid, lines: lines(title, amount, messages.alreadyPaid)};
	if (bill.payment.status === 'autopay') {
		const status = bill.payment.cardLast4
			? fill(messages.autopayCard, {last4: bill.payment.cardLast4, date: f.date(bill.dueDate)})
			: messages.autopay;
		return {title, amount, status, lines: lines(title, amount, status)};
	}
	const {amountPaid} = bill.payment;
	if (amountPaid !== undefined) {
		// Partly paid: the amount shown and asked for is what is left, and the line above it says what was paid of the whole.
		const rest = f.money(amountToPay(bill));
		const status = fill(messages.paidSoFar, {paid: f.money(amountPaid), total: amount});
		const payLabel = bill.payment.payUrl ? fill(messages.payNow, {amount: rest}) : undefined;
		return {title, amount: rest, status, ...(payLabel ? {payLabel} : {}), lines: lines(title, rest, status, payLabel)};
	}
	const owed = needsPayment({status: bill.payment.status, amountDue: bill.amountDue});
	const payLabel = owed && bill.payment.payUrl ? fill(messages.payNow, {amount}) : undefined;
	const variant = bill.messageVariant;
	const nudge = owed && variant && variant !== 'standard' ? fill(messages.variants[variant][overdue ? 'overdueNudge' : 'dueNudge'], {date: f.date(bill.dueDate)}) : undefined;
	return {title, amount, ...(nudge ? {status: nudge} : {}), ...(payLabel ? {payLabel} : {}), lines: lines(title, amount, nudge, payLabel)};
};

/** The thanks, with a "view your bill" button when there is a PDF and an "email us" one when the brand has an address. */
export const closeScript = (
	thanks: string,
	{pdfUrl, supportEmail}: {pdfUrl?: string | undefined; supportEmail?: string | undefined},
	messages: Messages,
): CloseScript => {
	const buttons = lines(pdfUrl ? messages.viewBill : undefined, supportEmail ? messages.emailUs : undefined);
	return {title: thanks, buttons, lines: [thanks, ...buttons]};
};

export {lines as scriptLines};
