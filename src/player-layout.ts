import {formatSizes, videoFormats, type VideoFormat} from './formats';

/**
 * The player's box, shared by the watch page (which reserves it in CSS before any script runs, so nothing shifts)
 * and the player (which fills it). The box is the video at the format's aspect ratio, the caption band under it while
 * captions are on, and the control bar below them; never narrower than `NARROWEST_BOX_PX` where the page has the room.
 */
export const CONTROL_BAR_PX = 48;

/**
 * The video's share of the viewport height: on a 1280×800 desktop the page's pay button stays above the fold. Not on a
 * short landscape screen (`SHORT_LANDSCAPE_QUERY`).
 */
const PLAYER_MAX_HEIGHT_VH = 55;

/** The watch page's header above the player: the brand's name and logo. */
export const PAGE_HEADER_PX = 56;

/**
 * On an upright phone the portrait video takes the full width, up to the screen's height less the page's header and
 * the control bar: at 55 % of the height it would be about 260 px wide on a 390×844 phone, and its smallest text under
 * 12 CSS px. With the header left out, a 360×640 phone had its controls below the fold. A short landscape screen gets
 * the same height.
 */
export const PHONE_PLAYER_MAX_HEIGHT = `calc(100vh - ${CONTROL_BAR_PX + PAGE_HEADER_PX}px)`;

/** A phone held upright: the live player plays the portrait composition there. */
export const PHONE_PORTRAIT_QUERY = '(orientation: portrait) and (max-width: 600px)';

/**
 * A short landscape screen (a phone held sideways, 844×390): at 55 % of its height the picture was 381×214 CSS px, and
 * with captions on 277×155 with scene text about 7 px, so there the player takes the whole height under the page's
 * header. The page's own pay button is one scroll away; the picture, with its own pay button, matters more.
 */
const SHORT_LANDSCAPE_QUERY = '(orientation: landscape) and (max-height: 499px)';

/** The format the live composition plays in: portrait on an upright phone, landscape on anything wider. */
export const liveFormatFor = (phoneUpright: boolean): VideoFormat => (phoneUpright ? 'portrait' : 'landscape');

/**
 * Caption text's size: a share of the player's width, within bounds (in full screen, of the picture's width before the
 * band takes its room, so a square video on a wide screen does not get captions sized for the screen). Never under
 * 16 CSS px, a phone's body text: at 13 px a 375×667 phone's captions were smaller than the page's own text.
 */
const CAPTION_MIN_PX = 16;
const CAPTION_FONT = {minPx: CAPTION_MIN_PX, share: 0.028, maxPx: 22} as const;
export const FULLSCREEN_CAPTION_FONT = {minPx: CAPTION_MIN_PX, share: 0.036, maxPx: 34} as const;

/**
 * The box takes at least this width, or the page's when it is narrower: a picture limited by the height (at 400 % zoom,
 * 320×200, it was 87 px wide; a portrait picture on a short phone) sits in the middle, black either side, and the
 * control bar, the caption band and the pay sheet keep the room (the controls need 244 px and more). It is the width at
 * which captions reach their smallest size, so a box widened to it has the captions its picture would have had.
 */
const NARROWEST_BOX_PX = Math.floor(CAPTION_MIN_PX / CAPTION_FONT.share);

/** Captions never cover the picture (they would hide the scene's own text): they get a band of two lines below it. */
const CAPTION_LINES = 2;
export const CAPTION_LINE_HEIGHT = 1.5;
/** Above and below the two lines, so a cue's rounded box never touches the picture or the control bar. */
export const CAPTION_BAND_PADDING_PX = 4;

/** CSS for the caption font size of a player (or picture) whose width is the CSS length `width`. */
export const captionFontCss = (width: string, font: {minPx: number; share: number; maxPx: number} = CAPTION_FONT): string =>
	`clamp(${font.minPx}px, ${width} * ${font.share}, ${font.maxPx}px)`;

/**
 * Captions go over the bottom of the picture, in place of their band, when the band would take more than a third of
 * the room above the control bar. The band is there so captions never hide a scene's own text, but in a box that small
 * the picture itself matters more: a 320×180 embed kept a 151×85 px picture beside a 47 px band; over the picture it
 * is 235×132. A 480×270 embed (48 of 222 px), a 640×360 one and every watch page, a sideways phone's included, keep
 * the band. The share is of the box's height, so the choice never changes the box it is made from.
 */
const CAPTIONS_OVER_PICTURE_BEYOND = 1 / 3;

/** The caption band's height in px in a player `width` px wide (what `captionBandCss` works out there). */
const captionBandPx = (width: number): number =>
	CAPTION_LINES * CAPTION_LINE_HEIGHT * Math.min(CAPTION_FONT.maxPx, Math.max(CAPTION_FONT.minPx, width * CAPTION_FONT.share)) + 2 * CAPTION_BAND_PADDING_PX;

/** Whether a player box of this size draws its captions over the picture (see `CAPTIONS_OVER_PICTURE_BEYOND`). */
export const captionsOverPicture = ({width, height}: {width: number; height: number}): boolean =>
	captionBandPx(width) > (height - CONTROL_BAR_PX) * CAPTIONS_OVER_PICTURE_BEYOND;

/** CSS for the caption band's height: two lines at `fontSize`, and its padding. */
export const captionBandCss = (fontSize: string): string =>
	`calc(${CAPTION_LINES * CAPTION_LINE_HEIGHT} * ${fontSize} + ${2 * CAPTION_BAND_PADDING_PX}px)`;

/** Set on the player's root while captions are on, and so while it shows the caption band: the box grows by the band. */
export const CAPTIONS_ATTRIBUTE = 'data-captions';

/**
 * CSS declarations that size an element to the player's box for a format, inside a container with `container-type`.
 * With captions the box never passes the height it has without them (on a desktop, the page's pay button stays where
 * it was): the picture gives up the band's height, reckoned at the width it would have had, which is never less.
 */
export const playerBoxCss = (format: VideoFormat, {maxVideoHeight = `${PLAYER_MAX_HEIGHT_VH}vh`, captions = false}: {maxVideoHeight?: string; captions?: boolean} = {}): string => {
	const {width, height} = formatSizes[format];
	const boxWidth = (videoWidth: string) => `max(${videoWidth}, min(100cqw, ${NARROWEST_BOX_PX}px))`;
	const widest = `min(100cqw, ${maxVideoHeight} * ${width} / ${height})`;
	if (!captions) return `width:${boxWidth(widest)};height:calc(${widest} * ${height} / ${width} + ${CONTROL_BAR_PX}px)`;
	const videoWidth = `min(100cqw, (${maxVideoHeight} - ${captionBandCss(captionFontCss(widest))}) * ${width} / ${height})`;
	return `width:${boxWidth(videoWidth)};height:calc(${videoWidth} * ${height} / ${width} + ${captionBandCss(captionFontCss(videoWidth))} + ${CONTROL_BAR_PX}px)`;
};

/** Of the formats a bill was rendered in, the one nearest the screen: tall for an upright phone, wide otherwise. */
export const mp4FormatFor = (rendered: readonly VideoFormat[], phoneUpright: boolean): VideoFormat => {
	const nearestFirst: readonly VideoFormat[] = phoneUpright ? ['portrait', 'square', 'landscape'] : ['landscape', 'square', 'portrait'];
	return nearestFirst.find((format) => rendered.includes(format)) ?? rendered[0]!;
};

/** Set on the player's element by the running player: the format it shows, which the box follows from then on. */
export const FORMAT_ATTRIBUTE = 'data-format';

/**
 * The page's CSS for the player's box. Before the player runs, the format it will pick for the screen (`wide`, or
 * `upright` on an upright phone), with the caption band when it will start with captions on (`captions`: a video that
 * speaks starts muted and captioned); once it runs, the format it shows and whether its captions are on: the live
 * player's format follows the phone as it turns, an MP4 keeps its file's shape, and its box with it.
 */
export const playerBoxRules = (selector: string, {wide, upright, captions = false}: {wide: VideoFormat; upright: VideoFormat; captions?: boolean}): string => {
	const shown = (maxVideoHeight: string) =>
		videoFormats
			.map((format) => {
				const at = `${selector}[${FORMAT_ATTRIBUTE}="${format}"]`;
				return `${at}{${playerBoxCss(format, {maxVideoHeight})}}${at}:has(> [${CAPTIONS_ATTRIBUTE}]){${playerBoxCss(format, {maxVideoHeight, captions: true})}}`;
			})
			.join('');
	const desktop = `${PLAYER_MAX_HEIGHT_VH}vh`;
	const phoneUpright = `@media ${PHONE_PORTRAIT_QUERY}{${selector}{${playerBoxCss(upright, {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT, captions})}}${shown(PHONE_PLAYER_MAX_HEIGHT)}}`;
	const shortLandscape = `@media ${SHORT_LANDSCAPE_QUERY}{${selector}{${playerBoxCss(wide, {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT, captions})}}${shown(PHONE_PLAYER_MAX_HEIGHT)}}`;
	return `${selector}{${playerBoxCss(wide, {maxVideoHeight: desktop, captions})}}${shown(desktop)}${phoneUpright}${shortLandscape}`;
};
