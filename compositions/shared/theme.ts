/**
 * Headings and one-sentence lines wrap into lines of even length. The `pretty` every text inherits from the frame still
 * leaves a word alone when moving one more down would leave the line above it short ("You used 8% more than similar /
 * homes" at 1080 px): Chromium weighs that against the orphan and keeps the orphan.
 */
export const balanced = {textWrap: 'balance'} as const;

export const ellipsis = {overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap'} as const;

/** Rough advance of a string in ems: Hangul and Han are square, Latin about half as wide. */
const ems = (text: string): number =>
	[...text].reduce((sum, char) => sum + (/[\u1100-\u11FF\u3000-\u9FFF\uAC00-\uD7AF\uFF00-\uFFEF]/.test(char) ? 1 : 0.6), 0);

/** The largest font size up to `max` at which `text` fits on one line of `width` pixels. */
export const fitFontSize = (text: string, width: number, max: number): number => Math.min(max, width / Math.max(1, ems(text)));
