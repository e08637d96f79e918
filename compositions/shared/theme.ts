import type {Bill} from '../../src/bill-schema';
import {AA_TEXT, contrastRatio, INK, readableBackground, textColorOn} from '../../src/color';

/** Noto Sans CJK covers Latin, Hangul and Han; the emoji font fills in symbols. Both come from Debian packages. */
export const FONT_STACK = '"Noto Sans CJK KR", "Noto Sans CJK JP", "Noto Sans", "DejaVu Sans", "Noto Color Emoji", sans-serif';

export interface Palette {
	readonly primary: string;
	readonly onPrimary: string;
	readonly accent: string;
	readonly onAccent: string;
	readonly card: string;
	readonly ink: string;
	readonly muted: string;
	readonly credit: string;
	readonly track: string;
}

/** Brand colours with WCAG AA text on them: a colour too pale for its text is replaced by a darker shade of itself. */
export const paletteFor = (brand: Bill['brand']): Palette => {
	const primary = readableBackground(brand.primaryColor);
	const wanted = brand.accentColor ?? '#FFFFFF';
	// A button the colour of the background would vanish: then the button is white.
	const accent = contrastRatio(wanted, primary) < 1.5 ? '#FFFFFF' : readableBackground(wanted);
	return {
		primary,
		onPrimary: textColorOn(primary),
		accent,
		onAccent: contrastRatio(accent, textColorOn(accent)) >= AA_TEXT ? textColorOn(accent) : INK,
		card: '#FFFFFF',
		ink: INK,
		muted: '#55526A',
		credit: '#0B7A3E',
		track: '#EEEDF5',
	};
};

export const ellipsis = {overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap'} as const;

/** Rough advance of a string in ems: Hangul and Han are square, Latin about half as wide. */
const ems = (text: string): number =>
	[...text].reduce((sum, char) => sum + (/[\u1100-\u11FF\u3000-\u9FFF\uAC00-\uD7AF\uFF00-\uFFEF]/.test(char) ? 1 : 0.6), 0);

/** The largest font size up to `max` at which `text` fits on one line of `width` pixels. */
export const fitFontSize = (text: string, width: number, max: number): number => Math.min(max, width / Math.max(1, ems(text)));
