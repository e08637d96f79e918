import {describe, expect, it} from 'vitest';
import {
	CAPTIONS_ATTRIBUTE,
	captionsOverPicture,
	CONTROL_BAR_PX,
	FORMAT_ATTRIBUTE,
	PAGE_HEADER_PX,
	PHONE_PLAYER_MAX_HEIGHT,
	playerBoxCss,
	playerBoxRules,
} from '../../src/player-layout';

/**
 * The box's CSS worked out as a browser would for one page: `100cqw` the page's player container, `vh` the window.
 * Only what `playerBoxCss` writes: px, cqw, vh, + - * /, min, max and clamp, calc.
 */
const evaluate = (css: string, {containerWidth, viewportHeight}: {containerWidth: number; viewportHeight: number}): number => {
	const arithmetic = css
		.replace(/(\d+(?:\.\d+)?)cqw/g, (_, n: string) => String((Number(n) / 100) * containerWidth))
		.replace(/(\d+(?:\.\d+)?)vh/g, (_, n: string) => String((Number(n) / 100) * viewportHeight))
		.replace(/(\d+(?:\.\d+)?)px/g, '$1')
		.replace(/calc\(/g, '(');
	expect(arithmetic).toMatch(/^[\d.\s+\-*/(),a-z]*$/);
	const clamp = (low: number, value: number, high: number) => Math.max(low, Math.min(value, high));
	return new Function('min', 'max', 'clamp', `return ${arithmetic}`)(Math.min, Math.max, clamp) as number;
};

const box = (declarations: string, page: {containerWidth: number; viewportHeight: number}) => {
	const [, width] = /width:([^;]+)/.exec(declarations)!;
	const [, height] = /height:(.+)$/.exec(declarations)!;
	return {width: evaluate(width!, page), height: evaluate(height!, page)};
};

/** The caption band's height in a box `width` px wide: two lines of 1.5 at 16–22 px, 2.8 % of the width, and 4 px above and below. */
const bandPx = (width: number): number => 2 * 1.5 * Math.min(22, Math.max(16, width * 0.028)) + 8;

/** The picture in a box: what the band and the control bar leave, at the format's aspect ratio. */
const picture = (shown: {width: number; height: number}, {captions, ratio}: {captions: boolean; ratio: number}) => {
	const height = shown.height - CONTROL_BAR_PX - (captions ? bandPx(shown.width) : 0);
	return {width: height * ratio, height};
};

const PORTRAIT = 1080 / 1920;
const LANDSCAPE = 1280 / 720;

describe('the player box with captions on: the picture, a two-line caption band under it, the control bar', () => {
	it('on a 390×844 phone upright: the portrait picture keeps nearly the full width, and the band and the controls fit the screen', () => {
		const phone = {containerWidth: 390, viewportHeight: 844};
		const off = box(playerBoxCss('portrait', {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT}), phone);
		const on = box(playerBoxCss('portrait', {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT, captions: true}), phone);
		// The page's header, the band (two lines of 16 px) and the controls take 160 px of the 844.
		expect(picture(on, {captions: true, ratio: PORTRAIT}).width).toBeGreaterThan(384);
		expect(on.height + PAGE_HEADER_PX).toBeLessThanOrEqual(844 + 0.01);
		expect(picture(off, {captions: false, ratio: PORTRAIT}).width).toBeCloseTo(390, 5);
		expect([on.width, off.width]).toEqual([390, 390]);
	});

	it('on a short phone the picture gives the band its room rather than pushing the controls off the screen', () => {
		// A 360×640 phone: under the page's header, the controls were below the fold, with captions or without.
		const short = {containerWidth: 360, viewportHeight: 640};
		for (const captions of [false, true]) {
			const shown = box(playerBoxCss('portrait', {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT, captions}), short);
			expect(shown.height + PAGE_HEADER_PX, `captions ${captions}`).toBeLessThanOrEqual(640 + 0.01);
			expect(picture(shown, {captions, ratio: PORTRAIT}).width).toBeLessThan(360);
		}
	});

	it('on a 1280×800 desktop the box is no taller than without captions, so the page below stays where it was', () => {
		const desktop = {containerWidth: 960, viewportHeight: 800};
		const off = box(playerBoxCss('landscape'), desktop);
		const on = box(playerBoxCss('landscape', {captions: true}), desktop);
		expect(off.height).toBeCloseTo(0.55 * 800 + CONTROL_BAR_PX, 5);
		expect(on.height).toBeLessThanOrEqual(off.height + 0.01);
		// The picture is what gives: 16:9 in what the band and the controls leave, and the box is as wide as it.
		expect(on.height - bandPx(on.width) - CONTROL_BAR_PX).toBeCloseTo((on.width * 720) / 1280, 5);
	});

	it('takes the page\'s width, not a height-limited picture\'s, so the controls and the pay sheet have room (400 % zoom, phones)', () => {
		const rules = playerBoxRules('billcast-player', {wide: 'landscape', upright: 'portrait', captions: true});
		// 1280×800 at 400 % zoom is 320×200: a short landscape screen. The box was 87 px wide, its controls needing 244.
		const zoomed = {containerWidth: 320, viewportHeight: 200};
		const short = box(playerBoxCss('landscape', {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT, captions: true}), zoomed);
		expect(rules).toContain(playerBoxCss('landscape', {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT, captions: true}));
		expect(short.width).toBe(320);
		expect(short.height + PAGE_HEADER_PX).toBeCloseTo(200, 5);
		// Too short for the band: its captions lie over a picture of all the room above the controls, 171×96.
		expect(captionsOverPicture(short)).toBe(true);
		// Upright phones whose portrait picture is limited by the height: 235 and 285 px wide boxes before. And a portrait
		// picture on a desktop page (247 px wide) gets a bar wide enough for the controls' names.
		const desktop = box(playerBoxCss('portrait', {captions: true}), {containerWidth: 960, viewportHeight: 800});
		expect(desktop.width).toBeGreaterThan(570);
		expect(picture(desktop, {captions: true, ratio: PORTRAIT}).width).toBeLessThan(250);
		for (const [width, height] of [
			[320, 568],
			[375, 667],
		] as const) {
			for (const captions of [false, true]) {
				const shown = box(playerBoxCss('portrait', {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT, captions}), {containerWidth: width, viewportHeight: height});
				expect(shown.width, `${width}×${height} captions ${captions}`).toBe(width);
				expect(shown.height + PAGE_HEADER_PX, `${width}×${height} captions ${captions}`).toBeCloseTo(height, 5);
			}
		}
	});

	it('grows the running player\'s box by the band while its captions are on, in every format, and from the first byte when asked', () => {
		const rules = playerBoxRules('billcast-player', {wide: 'landscape', upright: 'portrait', captions: true});
		for (const format of ['landscape', 'portrait', 'square']) {
			expect(rules).toContain(`billcast-player[${FORMAT_ATTRIBUTE}="${format}"]:has(> [${CAPTIONS_ATTRIBUTE}]){${playerBoxCss(format as 'landscape', {captions: true})}}`);
		}
		expect(rules.startsWith(`billcast-player{${playerBoxCss('landscape', {captions: true})}}`)).toBe(true);
		expect(playerBoxRules('billcast-player', {wide: 'landscape', upright: 'portrait'}).startsWith(`billcast-player{${playerBoxCss('landscape')}}`)).toBe(true);
	});

	it('on a sideways phone (844×390) the box takes the height under the page header, not 55 % of it', () => {
		const rules = playerBoxRules('billcast-player', {wide: 'landscape', upright: 'portrait', captions: true});
		// The last block whose media query an 844×390 screen meets: landscape and under 500 px tall.
		const [, query, first] = /@media ([^{]*landscape[^{]*)\{billcast-player\{([^}]*)\}/.exec(rules) ?? [];
		expect(query).toBe('(orientation: landscape) and (max-height: 499px)');
		const sideways = {containerWidth: 844, viewportHeight: 390};
		for (const captions of [false, true]) {
			expect(rules).toContain(playerBoxCss('landscape', {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT, captions}));
			const shown = box(playerBoxCss('landscape', {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT, captions}), sideways);
			expect(shown.height + PAGE_HEADER_PX, `captions ${captions}`).toBeLessThanOrEqual(390 + 0.01);
			expect(shown.height + PAGE_HEADER_PX, `captions ${captions}`).toBeGreaterThan(390 - 8);
			// Was 381 px wide, 277 with captions.
			expect(picture(shown, {captions, ratio: LANDSCAPE}).width, `captions ${captions}`).toBeGreaterThan(captions ? 400 : 500);
		}
		expect(first).toBe(playerBoxCss('landscape', {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT, captions: true}));
	});
});

describe('captions over the picture in a box too small for their band', () => {
	it('a 320×180 embed draws them over the picture; a 480×270 or 640×360 embed and a sideways phone keep the band', () => {
		expect(captionsOverPicture({width: 320, height: 180})).toBe(true);
		expect(captionsOverPicture({width: 480, height: 270})).toBe(false);
		expect(captionsOverPicture({width: 640, height: 360})).toBe(false);
		expect(captionsOverPicture({width: 844, height: 390 - PAGE_HEADER_PX})).toBe(false);
		// Full screen on the smallest phone held sideways.
		expect(captionsOverPicture({width: 568, height: 320})).toBe(false);
	});
});
