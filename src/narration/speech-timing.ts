import type {SceneId} from '../scene-ids';

/** When one sentence is said, in milliseconds from the start of its scene's speech. */
export interface SentenceTiming {
	readonly text: string;
	readonly startMs: number;
	readonly endMs: number;
}

/** What synthesis measured for a scene: the input the timeline sizes the scene by and cues captions with. */
export interface SceneSpeech {
	readonly sceneId: SceneId;
	readonly durationMs: number;
	readonly sentences: readonly SentenceTiming[];
}

/**
 * A speaking video's sound: the mixed track (a URL the player can load; the renderer muxes the same file itself) and
 * the measured speech the timeline is sized by.
 */
export type VideoNarration = {
	readonly audioSrc: string;
	readonly speech: readonly SceneSpeech[];
};

/** The voice starts this long after its scene does, once the entrance has caught the eye. */
export const SPEECH_LEAD_IN_MS = 400;
/** Quiet after the last sentence before the scene may cut: a breath, and room for the fade. */
export const SPEECH_TAIL_MS = 700;

/** The shortest a scene may be so its speech fits with its lead-in and tail (a timeline keeps longer scenes as they are). */
export const secondsForSpeech = (speech: Pick<SceneSpeech, 'durationMs'>): number =>
	speech.durationMs === 0 ? 0 : (SPEECH_LEAD_IN_MS + speech.durationMs + SPEECH_TAIL_MS) / 1000;

/** A scene's sentences on the video's clock (ms), for caption cues and audio checks. */
export const sentencesOnVideoClock = (speech: SceneSpeech, sceneStartMs: number): SentenceTiming[] =>
	speech.sentences.map((sentence) => ({
		text: sentence.text,
		startMs: sceneStartMs + SPEECH_LEAD_IN_MS + sentence.startMs,
		endMs: sceneStartMs + SPEECH_LEAD_IN_MS + sentence.endMs,
	}));

/** A text's words as letters only, lower-cased, with where each starts: what a line keeps once it is said (its amounts, numbers and dates become other words). */
const wordsOf = (text: string): Array<{readonly word: string; readonly at: number}> =>
	[...text.toLocaleLowerCase().matchAll(/\p{L}{2,}/gu)].map((match) => ({word: match[0], at: match.index}));

/** A said word is the line's word, or that word with an ending the voice adds (a Korean particle, a plural). */
const saidAs = (lineWord: string, saidWord: string): boolean => saidWord.startsWith(lineWord);

/**
 * When each of a scene's lines is heard, in milliseconds from the start of its speech. The narration makes a sentence
 * from one line, from a heading and the amount under it, or from a list of rows, and leaves some lines to the screen
 * (a list's heading, a savings line), always in the lines' order: so each line belongs to one sentence of a
 * run that covers as many sentences as it can, and within that to the one that shares most of its words (an amount
 * alone, sharing none, stays with the heading before it). A line that starts its sentence is heard when the sentence
 * starts; a later line of a list when its first word is said, estimated by where that word falls in the sentence.
 */
export const lineOnsetsMs = (lines: readonly string[], sentences: readonly SentenceTiming[]): number[] => {
	if (sentences.length === 0) return lines.map(() => 0);
	const lineWords = lines.map((line) => [...new Set(wordsOf(line).map(({word}) => word))]);
	const saidWords = sentences.map((sentence) => wordsOf(sentence.text));
	const shared = lineWords.map((words) => saidWords.map((said) => words.filter((word) => said.some((s) => saidAs(word, s.word))).reduce((sum, word) => sum + [...word].length, 0)));
	// A sentence covered always outweighs any number of shared letters.
	const covered = 1 + lineWords.flat().reduce((sum, word) => sum + [...word].length, 0);
	const best: number[][] = [];
	const previous: number[][] = [];
	lines.forEach((_, k) => {
		best.push([]);
		previous.push([]);
		sentences.forEach((__, j) => {
			if (k === 0) {
				best[0]![j] = covered + shared[0]![j]!;
				return;
			}
			let score = -Infinity;
			// Ascending and strictly better only: on a tie a line stays with the earlier sentence.
			for (let from = 0; from <= j; from++) {
				const candidate = best[k - 1]![from]! + (from < j ? covered : 0);
				if (candidate > score) {
					score = candidate;
					previous[k]![j] = from;
				}
			}
			best[k]![j] = score + shared[k]![j]!;
		});
	});
	const sentenceOf: number[] = [];
	const last = best.at(-1) ?? [];
	let j = last.indexOf(Math.max(...last));
	for (let k = lines.length - 1; k >= 0; k--) {
		sentenceOf[k] = j;
		j = previous[k]?.[j] ?? j;
	}
	const onsets: number[] = [];
	let cursor = -1;
	sentenceOf.forEach((index, k) => {
		const sentence = sentences[index]!;
		if (k === 0 || sentenceOf[k - 1] !== index) {
			onsets.push(sentence.startMs);
			cursor = -1;
			return;
		}
		const heard = lineWords[k]!.map((word) => saidWords[index]!.find((said) => said.at > cursor && saidAs(word, said.word))).find((said) => said !== undefined);
		if (!heard) {
			onsets.push(onsets.at(-1)!);
			return;
		}
		cursor = heard.at;
		onsets.push(sentence.startMs + ((sentence.endMs - sentence.startMs) * heard.at) / Math.max(1, sentence.text.length));
	});
	return onsets;
};
