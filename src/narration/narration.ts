import type {SceneId} from '../scene-ids';
import {templateOf, type TemplateBill} from '../templates/registry';
import type {Phrases, Say} from './scene-sentences';
import {spokenLanguage, type SpokenLanguage} from './spoken-numbers';
import {speakText} from './spoken-text';

/** What the voice says over one scene, a sentence at a time so captions can be cued to each. */
export interface SceneNarration {
	readonly sceneId: SceneId;
	readonly sentences: readonly string[];
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

/** A bill's voice: its language's phrases, its template's scene scripts, and how it says an amount or a date. */
const voiceOf = (templateBill: TemplateBill) => {
	const p = phrases[spokenLanguage(templateBill.bill.customer.locale)];
	const {context, scripts} = templateOf(templateBill.template).narration(templateBill.bill, p);
	const say: Say = (line) => speakText(line, context);
	return {p, scripts, say};
};

/**
 * The narration of each scene the timeline plays, in its order: the scene scripts' own text (one source with the
 * captions), rewritten to be heard, with every amount, change and button said in words. A scene without a script
 * (one a template never narrates) gets no sentences.
 */
export const narrationOf = (templateBill: TemplateBill, scenes: ReadonlyArray<{readonly id: SceneId}>): SceneNarration[] => {
	const {scripts, say} = voiceOf(templateBill);
	return scenes.map((scene) => ({sceneId: scene.id, sentences: (scripts[scene.id]?.(say) ?? []).map(sentence)}));
};

/** The sentence that names an on-screen button with this label, exactly as narrationOf says it. */
export const buttonSentence = (templateBill: TemplateBill, label: string): string => {
	const {p, say} = voiceOf(templateBill);
	return sentence(p.button(say(label)));
};
