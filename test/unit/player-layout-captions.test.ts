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
 * Only what `playerBoxCss` writes: px, cqw, vh, + - * /, min and clamp, calc.
 */
const evaluate = (css: string, {containerWidth, viewportHeight}: {containerWidth: number; viewportHeight: number}): number => {
	const arithmetic = css
		.replace(/(\d+(?:\.\d+)?)cqw/g, (_, n: string) => String((Number(n) / 100) * containerWidth))
		.replace(/(\d+(?:\.\d+)?)vh/g, (_, n: string) => String((Number(n) / 100) * viewportHeight))
		.replace(/(\d+(?:\.\d+)?)px/g, '$1')
		.replace(/calc\(/g, '(');
	expect(arithmetic).toMatch(/^[\d.\s+\-*/(),a-z]*$/);
	const clamp = (low: number, value: number, high: number) => Math.max(low, Math.min(value, high));
	return new Function('min', 'clamp', `return ${arithmetic}`)(Math.min, clamp) as number;
};

const box = (declarations: string, page: {containerWidth: number; viewportHeight: number}) => {
	const [, width] = /width:([^;]+)/.exec(declarations)!;
	const [, height] = /height:(.+)$/.exec(declarations)!;
	return {width: evaluate(width!, page), height: evaluate(height!, page)};
};

describe('the player box with captions on: the picture, a two-line caption band under it, the control bar', () => {
	it('on a 390×844 phone upright: the portrait picture keeps the full width, and the band and the controls fit the screen', () => {
		const phone = {containerWidth: 390, viewportHeight: 844};
		const off = box(playerBoxCss('portrait', {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT}), phone);
		const on = box(playerBoxCss('portrait', {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT, captions: true}), phone);
		// Within a fraction of a pixel: the page's header, the band and the controls take 151 px of the 844.
		expect(on.width).toBeGreaterThan(389.5);
		expect(on.height + PAGE_HEADER_PX).toBeLessThanOrEqual(844 + 0.01);
		expect(off.width).toBe(390);
	});

	it('on a short phone the picture gives the band its room rather than pushing the controls off the screen', () => {
		// A 360×640 phone: under the page's header, the controls were below the fold, with captions or without.
		const short = {containerWidth: 360, viewportHeight: 640};
		for (const captions of [false, true]) {
			const shown = box(playerBoxCss('portrait', {maxVideoHeight: PHONE_PLAYER_MAX_HEIGHT, captions}), short);
			expect(shown.height + PAGE_HEADER_PX, `captions ${captions}`).toBeLessThanOrEqual(640 + 0.01);
			expect(shown.width).toBeLessThan(360);
		}
	});

	it('on a 1280×800 desktop the box is no taller than without captions, so the page below stays where it was', () => {
		const desktop = {containerWidth: 960, viewportHeight: 800};
		const off = box(playerBoxCss('landscape'), desktop);
		const on = box(playerBoxCss('landscape', {captions: true}), desktop);
		expect(off.height).toBeCloseTo(0.55 * 800 + CONTROL_BAR_PX, 5);
		expect(on.height).toBeLessThanOrEqual(off.height + 0.01);
		// The picture is what gives: 16:9 in what the band and the controls leave.
		const band = 2 * 1.5 * Math.min(22, Math.max(13, on.width * 0.028)) + 8;
		expect(on.height - band - CONTROL_BAR_PX).toBeCloseTo((on.width * 720) / 1280, 5);
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
			expect(shown.width, `captions ${captions}`).toBeGreaterThan(captions ? 400 : 500);
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
