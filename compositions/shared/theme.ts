import type {Bill} from '../../src/bill-schema';
import {INK, textColorOn} from '../../src/color';

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
}

export const paletteFor = (brand: Bill['brand']): Palette => {
	const accent = brand.accentColor ?? '#FFFFFF';
	return {
		primary: brand.primaryColor,
		onPrimary: textColorOn(brand.primaryColor),
		accent,
		onAccent: textColorOn(accent),
		card: '#FFFFFF',
		ink: INK,
		muted: '#5B5870',
		credit: '#0B7A3E',
	};
};

export const ellipsis = {overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap'} as const;
