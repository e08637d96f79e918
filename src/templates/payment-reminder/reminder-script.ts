import {daysBetween} from '../../dates';
import {fill, messagesFor, pluralForm} from '../../i18n/catalogue';
import {instalmentPlan, type Instalment} from './instalments';
import type {PaymentReminder} from './payment-reminder-schema';
import {closeScript, greetingScript, scriptLines, type CloseScript, type GreetingScript} from '../../scripts/common-scenes';
import {formattersFor} from '../../scripts/formatters';
import type {Formatters, SceneScript} from '../../scripts/script-types';
import {reminderWordsFor, type ReminderWords} from './reminder-words';

export interface OverdueScript extends SceneScript {
	readonly title: string;
	readonly amount: string;
	readonly wasDue: string;
	/**
	 * The days-overdue count and the day it was counted on, in the language's order ("22 days overdue", "as of 12
	 * November 2026"): a line may break between them, never inside one. Once paid, "Paid in full" alone.
	 */
	readonly daysLate: readonly string[];
	readonly understanding: string;
}

export interface NextScript extends SceneScript {
	readonly title: string;
	readonly step: string;
	readonly reassure: string;
}

export interface PlanScript extends SceneScript {
	readonly title: string;
	/** The instalments by date; once paid, one row saying the amount was paid in full. */
	readonly rows: ReadonlyArray<{readonly date: string; readonly amount: string}>;
	/** Undefined once paid: there is no plan to add up. */
	readonly total: string | undefined;
}

export interface OptionsScript extends SceneScript {
	readonly title: string;
	readonly amount: string;
	/** The buttons asking for money, said and drawn; undefined once paid (the timeline keeps their hotspots: `sentReminderScript`). */
	readonly pay: string | undefined;
	/** Undefined when the debt is too small for a plan (see `instalmentPlan`), and once paid. */
	readonly plan: string | undefined;
	readonly call: string;
}

export interface ReminderScript {
	readonly greeting: GreetingScript;
	readonly overdue: OverdueScript;
	readonly next: NextScript;
	/** Undefined when the debt is too small for a plan: the video then has no plan scene. */
	readonly plan: PlanScript | undefined;
	readonly options: OptionsScript;
	readonly close: CloseScript;
}

const planScript = (instalments: readonly Instalment[], words: ReminderWords, f: Formatters, amount: string): PlanScript => {
	const title = fill(words.planTitle, {count: f.number(instalments.length)});
	const rows = instalments.map((instalment) => ({date: f.date(instalment.date), amount: f.money(instalment.amount)}));
	const total = fill(words.planTotal, {amount});
	return {title, rows, total, lines: scriptLines(title, ...rows.map((row) => `${row.date}: ${row.amount}`), total)};
};

/**
 * Every string of the reminder's scenes as sent: plain facts, what happens next and when, and the ways out. Its paid
 * state too is sized by these, so a paid reminder plays on the timeline its voice and hotspots were made for.
 */
export const sentReminderScript = (reminder: PaymentReminder) => {
	const messages = messagesFor(reminder.customer.locale);
	const words = reminderWordsFor(reminder.customer.locale);
	const f = formattersFor(reminder.customer);
	const amount = f.money(reminder.amountOverdue);
	const days = daysBetween(reminder.originalDueDate, reminder.reminderDate);
	const count = fill(pluralForm(messages.daysLate, {count: days, locale: reminder.customer.locale}), {days: f.number(days)});
	const countedOn = {date: f.date(reminder.reminderDate)};
	const [before = '', after = ''] = words.daysLateOn.split('{daysLate}');
	const daysLate = [fill(before.trim(), countedOn), count, fill(after.trim(), countedOn)].filter(Boolean);
	const wasDue = fill(words.overdueWasDue, {date: f.date(reminder.originalDueDate)});
	const step = fill(words.nextSteps[reminder.nextStep.kind], {
		date: f.date(reminder.nextStep.date),
		fee: reminder.nextStep.fee === undefined ? '' : f.money(reminder.nextStep.fee),
	});
	const instalments = instalmentPlan(reminder);
	const plan = instalments.length > 0 ? planScript(instalments, words, f, amount) : undefined;
	const pay = fill(messages.payNow, {amount});
	const choosePlan = plan && fill(words.choosePlan, {count: f.number(instalments.length)});
	// Its spaces kept from breaking, so a narrow button wraps before the number, never inside it.
	const call = fill(words.callUs, {phone: reminder.phone.replaceAll(' ', '\u00a0')});
	const subtitle = fill(words.reminderSubtitle, {brand: reminder.brand.name});
	const variant = reminder.messageVariant && reminder.messageVariant !== 'standard' ? words.variants[reminder.messageVariant] : undefined;
	const understanding = variant ? ((!plan && variant.withoutPlan) || variant.understanding) : words.understanding;
	const reassure = plan ? words.nextReassure : words.nextReassureWithoutPlan;
	return {
		greeting: greetingScript({brand: reminder.brand.name, title: fill(messages.greeting, {name: reminder.customer.name}), subtitle}),
		overdue: {
			title: words.overdueTitle,
			amount,
			wasDue,
			daysLate,
			understanding,
			lines: scriptLines(words.overdueTitle, wasDue, daysLate.join(' '), understanding),
		},
		next: {title: words.nextTitle, step, reassure, lines: scriptLines(words.nextTitle, step, reassure)},
		plan,
		options: {
			title: messages.optionsTitle,
			amount,
			pay,
			plan: choosePlan,
			call,
			lines: scriptLines(messages.optionsTitle, amount, pay, choosePlan, call),
		},
		close: closeScript(words.reminderClose, {supportEmail: reminder.brand.supportEmail}, messages),
	};
};

/**
 * The same scenes once the payment is confirmed, line for line where there is one: the amount received and settled, no
 * days late, no next step, no plan and no button asking for money (calling stays). The voice, made for the reminder
 * as sent, is silent wherever it says otherwise (`moneyAskSpeech`).
 */
const paidScript = (reminder: PaymentReminder, sent: ReminderScript): ReminderScript => {
	const words = reminderWordsFor(reminder.customer.locale).paid;
	const {amount, wasDue} = sent.overdue;
	return {
		...sent,
		overdue: {
			title: words.overdueTitle,
			amount,
			wasDue,
			daysLate: [words.inFull],
			understanding: words.nothingToPay,
			lines: scriptLines(words.overdueTitle, wasDue, words.inFull, words.nothingToPay),
		},
		next: {title: words.nextTitle, step: words.nextStep, reassure: words.nextReassure, lines: scriptLines(words.nextTitle, words.nextStep, words.nextReassure)},
		plan: sent.plan && {
			title: words.planTitle,
			rows: [{date: words.inFull, amount}],
			total: undefined,
			lines: scriptLines(words.planTitle, `${words.inFull}: ${amount}`),
		},
		options: {...sent.options, title: words.inFull, pay: undefined, plan: undefined, lines: scriptLines(words.inFull, amount, sent.options.call)},
	};
};

/** Every string of the reminder's scenes: as sent, or its paid state once the live player is told it is paid. */
export const reminderScript = (reminder: PaymentReminder): ReminderScript => {
	const sent = sentReminderScript(reminder);
	return reminder.paid ? paidScript(reminder, sent) : sent;
};
