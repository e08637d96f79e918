/** The fastest a caption may go (WCAG-minded subtitle practice): about 20 characters a second. */
export const CAPTION_CHARS_PER_SECOND = 20;

/** Scenes are planned a little slower than the limit, so rounding cues to whole frames never pushes one past it. */
const PLANNED_CHARS_PER_SECOND = 19;

/** Even a two-word line stays up long enough to be seen. */
const MIN_CUE_SECONDS = 1;

/** A line's share of its scene's time: its length in characters, never less than a minimum cue's worth. */
export const cueWeight = (text: string): number => Math.max([...text].length, MIN_CUE_SECONDS * PLANNED_CHARS_PER_SECOND);

/** How long a scene must play for its lines, shared out by `cueWeight`, to be read at the planned pace. */
export const readingSeconds = (lines: readonly string[]): number =>
	lines.reduce((sum, line) => sum + cueWeight(line), 0) / PLANNED_CHARS_PER_SECOND;
