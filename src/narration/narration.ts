import {fill, messagesFor} from '../i18n/catalogue';
import {instalmentPlan} from '../instalments';
import type {SceneId} from '../scene-ids';
import type {CloseScript, DueScript} from '../scripts/common-scenes';
import {reminderScript, type OptionsScript} from '../templates/payment-reminder/reminder-script';
import type {SceneScript} from '../scripts/script-types';
import {telcoScript, type BreakdownScript, type TotalScript, type UsageScript} from '../templates/telco-bill/telco-script';
import {utilityScript} from '../templates/utility-bill/utility-script';
import type {TemplateBill} from '../templates/registry';
import {spokenLanguage, type SpokenLanguage} from './spoken-numbers';
import {speakText, spokenContext, type SpokenContext} from './spoken-text';

/** What the voice says over one scene, a sentence at a time so captions can be cued to each. */
export interface SceneNarration {
	readonly sceneId: SceneId;
	readonly sentences: readonly string[];
}

interface Phrases {
	/** The total, said as a sentence rather than a heading over a number. */
	readonly totalIs: (amount: string) => string;
	/** A button on screen, named so a listener who cannot see it knows it is there (WCAG 1.2.5). */
	readonly button: (label: string) => string;
	/** A heading and the amount under it. */
	readonly titled: (title: string, amount: string) => string;
}

const phrases: Record<SpokenLanguage, Phrases> = {
	en: {
		totalIs: (amount) => `Your bill this time is ${amount}`,
		button: (label) => `Button: ${label}`,
		titled: (title, amount) => `${title}: ${amount}`,
	},
	it: {
		totalIs: (amount) => `La tua bolletta questa volta è di ${amount}`,
		button: (label) => `Pulsante: ${label}`,
		titled: (title, amount) => `${title}: ${amount}`,
	},
	ko: {
		totalIs: (amount) => `이번 청구 금액은 ${amount}입니다`,
		button: (label) => `버튼: ${label}`,
		titled: (title, amount) => `${title}: ${amount}`,
	},
};

/** A line ends a sentence: a stop unless it already ends with one (a Korean sentence takes the same full stop). */
const sentence = (text: string): string => {
	const trimmed = text.trim();
	const capital = trimmed.charAt(0).toLocaleUpperCase() + trimmed.slice(1);
	return /[.!?。]$/u.test(capital) ? capital : `${capital}.`;
};

type Say = (line: string) => string;

const defined = (...items: Array<string | undefined>): string[] => items.filter((item): item is string => item !== undefined);

const totalSentences = (script: TotalScript, say: Say, p: Phrases): string[] =>
	defined(p.totalIs(say(script.amount)), script.change && say(script.change), script.reason && say(script.reason), script.previous && say(script.previous));

/**
 * The breakdown as one spoken list: its heading is what the rows already say, and the savings line repeats the credit
 * row's amount, so neither is spoken; every row's amount is.
 */
const breakdownSentences = (script: BreakdownScript, say: Say): string[] =>
	script.rows.length > 0 ? [script.rows.map((row) => `${say(row.label)} ${say(row.amount)}`).join(', ')] : [];

/** The meters as one spoken list, then the tip; the heading is left to the screen. */
const usageSentences = (script: UsageScript, say: Say, usageOf: (used: string, allowance: string) => string): string[] =>
	defined(
		script.meters.length > 0 ? script.meters.map((meter) => `${say(meter.label)} ${say(usageOf(meter.used, meter.allowance))}`).join(', ') : undefined,
		script.tip && say(script.tip),
	);

const dueSentences = (script: DueScript, say: Say, p: Phrases): string[] =>
	defined(p.titled(say(script.title), say(script.amount)), script.status && say(script.status), script.payLabel && p.button(say(script.payLabel)));

const closeSentences = (script: CloseScript, say: Say, p: Phrases): string[] => [say(script.title), ...script.buttons.map((label) => p.button(say(label)))];

const optionsSentences = (script: OptionsScript, say: Say, p: Phrases): string[] => [
	p.titled(say(script.title), say(script.amount)),
	...[script.pay, script.plan, script.call].map((label) => p.button(say(label))),
];

/** Every ISO date anywhere in a bill, so each one the scripts print can be said. */
const isoDatesIn = (value: unknown): string[] => {
	if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? [value] : [];
	if (Array.isArray(value)) return value.flatMap(isoDatesIn);
	if (value && typeof value === 'object') return Object.values(value).flatMap(isoDatesIn);
	return [];
};

/** The scene scripts of a template's bill by scene id, with how each is heard when it is not just its lines. */
const scenesOf = (
	templateBill: TemplateBill,
	p: Phrases,
): {context: SpokenContext; scripts: Partial<Record<SceneId, (say: Say) => string[]>>} => {
	const {customer} = templateBill.bill;
	const linesOf = (script: SceneScript | undefined) => script && ((say: Say) => script.lines.map(say));
	switch (templateBill.template) {
		case 'telco-bill': {
			const s = telcoScript(templateBill.bill);
			const messages = messagesFor(templateBill.bill.customer.locale);
			return {
				context: spokenContext({...customer, dates: isoDatesIn(templateBill.bill), period: templateBill.bill.period, spelled: defined(templateBill.bill.payment.cardLast4)}),
				scripts: {
					greeting: linesOf(s.greeting),
					total: (say) => totalSentences(s.total, say, p),
					breakdown: (say) => breakdownSentences(s.breakdown, say),
					usage: (say) => usageSentences(s.usage, say, (used, allowance) => fill(messages.usageOf, {used, allowance})),
					due: (say) => dueSentences(s.due, say, p),
					close: (say) => closeSentences(s.close, say, p),
				},
			};
		}
		case 'utility-bill': {
			const s = utilityScript(templateBill.bill);
			return {
				context: spokenContext({...customer, dates: isoDatesIn(templateBill.bill), period: templateBill.bill.period, spelled: defined(templateBill.bill.payment.cardLast4)}),
				scripts: {
					greeting: linesOf(s.greeting),
					consumption: linesOf(s.consumption),
					cost: linesOf(s.cost),
					similar: linesOf(s.similar),
					tips: linesOf(s.tips),
					due: (say) => dueSentences(s.due, say, p),
					close: (say) => closeSentences(s.close, say, p),
				},
			};
		}
		case 'payment-reminder': {
			const s = reminderScript(templateBill.bill);
			const planDates = instalmentPlan(templateBill.bill).map((instalment) => instalment.date);
			return {
				context: spokenContext({...customer, dates: [...isoDatesIn(templateBill.bill), ...planDates]}),
				scripts: {
					greeting: linesOf(s.greeting),
					overdue: linesOf(s.overdue),
					next: linesOf(s.next),
					plan: linesOf(s.plan),
					options: (say) => optionsSentences(s.options, say, p),
					close: (say) => closeSentences(s.close, say, p),
				},
			};
		}
	}
};

/**
 * The narration of each scene the timeline plays, in its order: the scene scripts' own text (one source with the
 * captions), rewritten to be heard, with every amount, change and button said in words. A scene without a script
 * (one a template never narrates) gets no sentences.
 */
export const narrationOf = (templateBill: TemplateBill, scenes: ReadonlyArray<{readonly id: SceneId}>): SceneNarration[] => {
	const p = phrases[spokenLanguage(templateBill.bill.customer.locale)];
	const {context, scripts} = scenesOf(templateBill, p);
	const say: Say = (line) => speakText(line, context);
	return scenes.map((scene) => ({sceneId: scene.id, sentences: (scripts[scene.id]?.(say) ?? []).map(sentence)}));
};
