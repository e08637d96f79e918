const channels = (hex: string): [number, number, number] => {
	const value = Number.parseInt(hex.slice(1, 7), 16);
	return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
};

/** WCAG 2.x relative luminance of a #RRGGBB colour. */
const relativeLuminance = (hex: string): number => {
	const [r, g, b] = channels(hex).map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

export const contrastRatio = (a: string, b: string): number => {
	const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
};

export const WHITE = '#FFFFFF';
export const INK = '#14121F';

/** White or near-black, whichever reads better on the background. */
export const textColorOn = (background: string): string =>
	contrastRatio(background, WHITE) >= contrastRatio(background, INK) ? WHITE : INK;

/** WCAG AA for normal text. */
export const AA_TEXT = 4.5;

const toHex = (rgb: readonly number[]): string =>
	`#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`.toUpperCase();

/** WCAG 2.x non-text contrast (1.4.11): chart bars, tracks and control outlines against what they sit on. */
export const NON_TEXT = 3;

/**
 * `hex` itself when it reaches `ratio` against `background`, else the first of it mixed in 5 % steps toward black on a
 * light background (the lightest darker shade) or toward white on a dark one (the darkest lighter tint) that does: the
 * colour keeps as much of itself as the contrast allows, on cards and on the player's dark control bar alike.
 */
export const shadeAgainst = (hex: string, background: string, ratio: number): string => {
	if (contrastRatio(hex, background) >= ratio) return hex;
	const rgb = channels(hex);
	const toward = textColorOn(background) === WHITE ? 255 : 0;
	for (let step = 1; step <= 20; step++) {
		const share = step * 0.05;
		const shade = toHex(rgb.map((c) => c * (1 - share) + toward * share));
		if (contrastRatio(shade, background) >= ratio) return shade;
	}
	return textColorOn(background);
};

/**
 * The brand colour itself when white or ink text on it meets WCAG AA, else the nearest darker shade on which white
 * text does: a pale brand colour never makes text unreadable.
 */
export const readableBackground = (hex: string): string =>
	contrastRatio(hex, textColorOn(hex)) >= AA_TEXT ? hex : shadeAgainst(hex, WHITE, AA_TEXT);

/** Hue (0 to 6, in sixths of the circle), saturation and lightness (0 to 1) of a #RRGGBB colour. */
export const hsl = (hex: string): [number, number, number] => {
	const value = Number.parseInt(hex.slice(1, 7), 16);
	const [r, g, b] = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map((c) => c / 255) as [number, number, number];
	const max = Math.max(r, g, b);
	const min = Math.min(r, g, b);
	const lightness = (max + min) / 2;
	const chroma = max - min;
	if (chroma === 0) return [0, 0, lightness];
	const hue = max === r ? ((g - b) / chroma + 6) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
	return [hue, chroma / (1 - Math.abs(2 * lightness - 1)), lightness];
};

/** The #RRGGBB colour of a hue (0 to 6), saturation and lightness (0 to 1). */
export const hslHex = ([hue, saturation, lightness]: readonly [number, number, number]): string => {
	const channel = (n: number) => {
		const k = (n + hue * 2) % 12;
		const a = saturation * Math.min(lightness, 1 - lightness);
		return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
	};
	return `#${[0, 8, 4].map((n) => channel(n).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
};
