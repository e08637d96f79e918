import {AA_TEXT, contrastRatio, hsl, hslHex, INK, NON_TEXT, readableBackground, shadeAgainst, textColorOn, WHITE} from './color';

/**
 * Every colour a bill is drawn with, for any brand colour: text reaches WCAG AA (4.5:1) on what it sits on, and chart
 * bars, tracks and button outlines reach 3:1 (WCAG 1.4.11). The video, the watch page and the player all draw from it.
 */
export interface BrandPalette {
	/** The scene background: the brand colour, darkened only when no text colour reads on it. */
	readonly primary: string;
	readonly onPrimary: string;
	/** The main call to action's fill: never reads as the white of `card` (the quieter buttons), and shows on `primary`. */
	readonly accent: string;
	readonly onAccent: string;
	/** The main call to action's outline: the accent itself when it stands out from `primary`, else a 3:1 colour. */
	readonly accentEdge: string;
	/** The main call to action's outline where it sits on `card` (the watch page, the pay sheet). */
	readonly accentEdgeOnCard: string;
	/** Cards, and the quieter buttons' fill. */
	readonly card: string;
	/** The quieter buttons' outline against `primary`. */
	readonly cardEdge: string;
	readonly ink: string;
	/** Secondary text on `card`. */
	readonly muted: string;
	/** A chart's empty track on `card`, and its outline (the fill alone is too faint to show the chart's extent). */
	readonly track: string;
	readonly trackEdge: string;
	/** The brand's data bar, on `track` or straight on `card`. */
	readonly bar: string;
	/** Bars that are not the one to look at (earlier months), on `card`. */
	readonly quietBar: string;
	/** Credits and discounts: bars and their amounts. */
	readonly credit: string;
	/** A meter past its allowance. */
	readonly over: string;
	/** The player's seek slider (its thumb and the part played) on the control bar, `PLAYER_BAR`: the accent, lightened to 3:1. */
	readonly seek: string;
}

export interface BrandColors {
	readonly primaryColor: string;
	readonly accentColor?: string | undefined;
}

const CARD = WHITE;
/** The player's control bar, under its buttons and seek slider. */
export const PLAYER_BAR = INK;
const TRACK = '#EEEDF5';

/** A fill drawn on `primary` is outlined in the text colour when the fill alone would not stand out from it. */
const edgeOn = (fill: string, primary: string, onPrimary: string): string =>
	contrastRatio(fill, primary) >= NON_TEXT ? fill : onPrimary;

/** Below this contrast two fills read as one colour (a button on a background of its own colour vanishes). */
const VANISHES = 1.5;
/** Below this contrast with white a fill reads as white, the quieter buttons' fill. */
const READS_AS_WHITE = 1.1;

/**
 * The main call to action's fill: the brand's accent when it shows on the background and does not read as white, else
 * the brand colour's own hue turned around: a pale brand's button is dark under white text, a dark brand's light under
 * ink, in the first lightness (1% steps) that stands out 3:1 from the background. Hue and saturation are kept, as a
 * plain darker or lighter mix would grey a pale brand's button into one that looks disabled. A white main button
 * would look like the quieter white buttons beside it, and like the outlined options on the watch page's white card.
 */
const mainFill = (wanted: string | undefined, primary: string, onPrimary: string): string => {
	if (wanted && contrastRatio(wanted, primary) >= VANISHES && contrastRatio(wanted, CARD) >= READS_AS_WHITE) return readableBackground(wanted);
	const [hue, saturation, lightness] = hsl(primary);
	const [label, direction] = onPrimary === WHITE ? [INK, 1] : [WHITE, -1];
	const at = (step: number) => hslHex([hue, saturation, Math.min(1, Math.max(0, lightness + (direction * step) / 100))]);
	for (let step = 1; step < 100; step++) {
		const fill = at(step);
		if (contrastRatio(fill, primary) >= NON_TEXT && contrastRatio(fill, label) >= AA_TEXT) return fill;
	}
	// The search's end, white above a dark brand or black below a pale one, always stands out and carries its label.
	return at(100);
};

export const brandPalette = (brand: BrandColors): BrandPalette => {
	const primary = readableBackground(brand.primaryColor);
	const onPrimary = textColorOn(primary);
	const accent = mainFill(brand.accentColor, primary, onPrimary);
	return {
		primary,
		onPrimary,
		accent,
		onAccent: contrastRatio(accent, textColorOn(accent)) >= AA_TEXT ? textColorOn(accent) : INK,
		accentEdge: edgeOn(accent, primary, onPrimary),
		accentEdgeOnCard: edgeOn(accent, CARD, shadeAgainst(primary, CARD, NON_TEXT)),
		card: CARD,
		cardEdge: edgeOn(CARD, primary, onPrimary),
		ink: INK,
		muted: '#55526A',
		track: TRACK,
		trackEdge: shadeAgainst('#B9B6CC', CARD, NON_TEXT),
		// A brand too pale for its bars draws them in its accent when that shows, else in a darker shade of itself.
		bar: contrastRatio(primary, TRACK) < NON_TEXT && contrastRatio(accent, TRACK) >= NON_TEXT ? accent : shadeAgainst(primary, TRACK, NON_TEXT),
		quietBar: shadeAgainst('#B9B6CC', CARD, NON_TEXT),
		credit: '#0B7A3E',
		over: '#C2410C',
		seek: shadeAgainst(accent, PLAYER_BAR, NON_TEXT),
	};
};
