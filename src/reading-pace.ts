/** The fastest a caption may go (WCAG-minded subtitle practice): about 20 characters a second. */
export const CAPTION_CHARS_PER_SECOND = 20;

/** Scenes are planned a little slower than the limit, so rounding cues to whole frames never pushes one past it. */
const PLANNED_CHARS_PER_SECOND = 19;

/** Even a two-word line stays up long enough to be seen. */
const MIN_CUE_SECONDS = 1;

/** A line's share of its scene's time: its length in characters, never less than a minimum cue's worth. */
export const cueWeight = (text: string): number => Math.max([...text].length, MIN_CUE_SECONDS * PLANNED_CHARS_PER_SECOND);

/** The longest caption line, as subtitle practice has it; two short lines share one cue up to this length. */
const CUE_LINE_CHARS = 42;

/**
 * A scene's lines as caption cues: a short line and the short one after it share a two-line cue ("This bill" over
 * "€68.40"), so a heading never flashes past on its own and the scene needs less time for the same words.
 */
export const cueTexts = (lines: readonly string[]): string[] =>
	lines.reduce<string[]>((cues, line) => {
		const last = cues.at(-1);
		const fits = last !== undefined && !last.includes('\n') && [...last].length + [...line].length <= CUE_LINE_CHARS;
		return fits ? [...cues.slice(0, -1), `${last}\n${line}`] : [...cues, line];
	}, []);

/** How long a cue must stay up to be read at the planned pace. */
export const cueSeconds = (cue: string): number => cueWeight(cue) / PLANNED_CHARS_PER_SECOND;

/** How long a scene must play for its cues, shared out by `cueWeight`, to be read at the planned pace. */
export const readingSeconds = (lines: readonly string[]): number =>
	cueTexts(lines).reduce((sum, cue) => sum + cueWeight(cue), 0) / PLANNED_CHARS_PER_SECOND;
