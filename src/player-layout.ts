import {formatSizes, videoFormats, type VideoFormat} from './formats';

/**
 * The player's box, shared by the watch page (which reserves it in CSS before any script runs, so nothing shifts)
 * and the player (which fills it). The box is the video at the format's aspect ratio plus the control bar below it.
 */
export const CONTROL_BAR_PX = 48;

/** The video's share of the viewport height: on a 1280×800 desktop the page's pay button stays above the fold. */
export const PLAYER_MAX_HEIGHT_VH = 55;

/**
 * On an upright phone the portrait video takes the full width, up to the screen's height less the control bar: at 55 %
 * of the height it would be about 260 px wide on a 390×844 phone, and its smallest text under 12 CSS px.
 */
export const PHONE_PLAYER_MAX_HEIGHT = `calc(100vh - ${CONTROL_BAR_PX}px)`;

/** A phone held upright: the live player plays the portrait composition there. */
export const PHONE_PORTRAIT_QUERY = '(orientation: portrait) and (max-width: 600px)';

/** The format the live composition plays in: portrait on an upright phone, landscape on anything wider. */
export const liveFormatFor = (phoneUpright: boolean): VideoFormat => (phoneUpright ? 'portrait' : 'landscape');

/** CSS declarations that size an element to the player's box for a format, inside a container with `container-type`. */
export const playerBoxCss = (format: VideoFormat, maxVideoHeight = `${PLAYER_MAX_HEIGHT_VH}vh`): string => {
	const {width, height} = formatSizes[format];
	const videoWidth = `min(100cqw, ${maxVideoHeight} * ${width} / ${height})`;
	return `width:${videoWidth};height:calc(${videoWidth} * ${height} / ${width} + ${CONTROL_BAR_PX}px)`;
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
 * `upright` on an upright phone); once it runs, the format it shows: the live player's follows the phone as it turns,
 * an MP4 keeps its file's shape, and its box with it.
 */
export const playerBoxRules = (selector: string, {wide, upright}: {wide: VideoFormat; upright: VideoFormat}): string => {
	const shown = (box: (format: VideoFormat) => string) => videoFormats.map((format) => `${selector}[${FORMAT_ATTRIBUTE}="${format}"]{${box(format)}}`).join('');
	const phoneBox = (format: VideoFormat) => playerBoxCss(format, PHONE_PLAYER_MAX_HEIGHT);
	return `${selector}{${playerBoxCss(wide)}}${shown((format) => playerBoxCss(format))}@media ${PHONE_PORTRAIT_QUERY}{${selector}{${phoneBox(upright)}}${shown(phoneBox)}}`;
};
