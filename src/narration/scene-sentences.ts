import type {SceneId} from '../scene-ids';
import type {CloseScript, DueScript} from '../scripts/common-scenes';
import type {SceneScript} from '../scripts/script-types';
import type {SpokenContext} from './spoken-text';

/** How the voice words what the screen shows as a heading, a number or a button, in one language. */
export interface Phrases {
	/** The total, said as a sentence rather than a heading over a number. */
	readonly totalIs: (amount: string) => string;
	/** A button on screen, named so a listener who cannot see it knows it is there (WCAG 1.2.5). */
	readonly button: (label: string) => string;
	/** A heading and the amount under it. */
	readonly titled: (title: string, amount: string) => string;
}

/** A line of a script as it is heard: amounts, dates and numbers in words. */
export type Say = (line: string) => string;

/** A template's narration of one bill: what its numbers sound like, and each scene's sentences from its script. */
export interface SpokenScenes {
	readonly context: SpokenContext;
	readonly scripts: Partial<Record<SceneId, (say: Say) => string[]>>;
}

export const defined = (...items: Array<string | undefined>): string[] => items.filter((item): item is string => item !== undefined);

/** A scene heard as its lines, one sentence each. */
export const linesOf = (script: SceneScript | undefined): ((say: Say) => string[]) | undefined => script && ((say) => script.lines.map(say));

export const dueSentences = (script: DueScript, say: Say, p: Phrases): string[] =>
	defined(p.titled(say(script.title), say(script.amount)), script.status && say(script.status), script.payLabel && p.button(say(script.payLabel)));

export const closeSentences = (script: CloseScript, say: Say, p: Phrases): string[] => [say(script.title), ...script.buttons.map((label) => p.button(say(label)))];

/** Every ISO date anywhere in a bill, so each one the scripts print can be said. */
export const isoDatesIn = (value: unknown): string[] => {
	if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? [value] : [];
	if (Array.isArray(value)) return value.flatMap(isoDatesIn);
	if (value && typeof value === 'object') return Object.values(value).flatMap(isoDatesIn);
	return [];
};
