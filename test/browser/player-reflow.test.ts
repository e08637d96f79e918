import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {contrastRatio} from '../../src/color';
import {computeRenderInput} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {shotsDir, submitTelcoBill, useWatchStack} from '../helpers/browser-stack';
import {seekPaused} from '../helpers/seek-paused';
import {inside, intersects} from '../helpers/boxes';

/**
 * The watch page at 400 % zoom (1280×800 is 320×200 CSS px) and on narrow phones: the control bar, the caption band
 * and the pay sheet take the page's width, not a height-limited picture's (87 px at 320×200), nothing scrolls
 * sideways, captions stay readable, and the sheet's close button is always in the player's box.
 */
const watchStack = useWatchStack();

const SCREENS = [
	{width: 320, height: 200, phone: false},
	{width: 320, height: 256, phone: false},
	{width: 320, height: 568, phone: true},
	{width: 375, height: 667, phone: true},
	{width: 390, height: 844, phone: true},
] as const;

const layout = (page: Page) =>
	page.evaluate(() => {
		const rect = (element: Element | null) => {
			if (!element) return undefined;
			const {x, y, width, height} = element.getBoundingClientRect();
			return {x, y, width, height};
		};
		const controls = document.querySelector('.bc-controls')!;
		const caption = document.querySelector('.bc-caption');
		return {
			pageWidth: document.documentElement.scrollWidth,
			box: rect(document.querySelector('billcast-player'))!,
			picture: rect(document.querySelector('.bc-frame'))!,
			controls: rect(controls)!,
			controlsOverflow: controls.scrollWidth - controls.clientWidth,
			buttons: [...controls.querySelectorAll('button, input')].map((element) => ({name: element.className, ...rect(element)!})),
			caption: rect(caption),
			captionOver: document.querySelector('.bc-band-over') !== null,
			captionPx: caption ? Number.parseFloat(getComputedStyle(caption).fontSize) : 0,
		};
	});

const showCaptionsAt = async (page: Page, frame: number) => {
	const captions = page.locator('billcast-player .bc-cc');
	await captions.waitFor({state: 'visible'});
	if ((await captions.getAttribute('aria-pressed')) !== 'true') await captions.click();
	await seekPaused(page, frame);
	await page.locator('.bc-caption').waitFor({state: 'visible'});
};

describe('the player at 400 % zoom and on narrow phones', () => {
	it('keeps the controls, captions and pay sheet in the page\'s width, with nothing off screen', async () => {
		const bill: TelcoBill = {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: 'REFLOW-EN'}};
		const {links} = await submitTelcoBill(watchStack.stack, bill);
		for (const {width, height, phone} of SCREENS) {
			const format = phone ? 'portrait' : 'landscape';
			const {timeline} = computeRenderInput({template: 'telco-bill', bill, format});
			const pay = timeline.hotspots.find((hotspot) => hotspot.kind === 'pay')!;
			const page = await watchStack.browser.newPage({viewport: {width, height}, isMobile: phone, hasTouch: phone, reducedMotion: 'reduce'});
			const name = `${width}×${height}`;
			try {
				await page.goto(links.watch);
				await showCaptionsAt(page, timeline.staticHolds[0]!.from + 5);
				const g = await layout(page);
				const label = `${name} ${JSON.stringify(g)}`;
				await page.screenshot({path: join(shotsDir, `player-reflow-${width}x${height}.png`)});
				expect(g.pageWidth, label).toBeLessThanOrEqual(width);
				// The box, and the bar in it, take the page's width (was the picture's: 87 px at 320×200, 187 at 320×256).
				expect(g.box.width, label).toBeGreaterThan(width - 1);
				expect(g.controls.width, label).toBeGreaterThan(width - 1);
				expect(g.controlsOverflow, label).toBeLessThanOrEqual(0);
				for (const button of g.buttons) expect(inside(button, {x: 0, y: 0, width, height: Number.POSITIVE_INFINITY}), `${label} ${button.name}`).toBe(true);
				// The slider is as easy to hit as the buttons beside it (was 16 px tall).
				expect(g.buttons.find((button) => button.name === 'bc-seek')!.height, label).toBeGreaterThanOrEqual(24);
				// Readable captions on a phone (were 13 px at 375×667), under the picture where the band is; over the picture of
				// a box too short for the band, two lines at most (at 320×200 three covered the whole 87×49 px picture).
				if (phone) expect(g.captionPx, label).toBeGreaterThanOrEqual(16);
				if (g.captionOver) expect(g.caption!.height, label).toBeLessThanOrEqual(g.picture.height / 2);
				else expect(intersects(g.caption!, g.picture), label).toBe(false);
				expect(inside(g.picture, g.box), label).toBe(true);

				await seekPaused(page, pay.from + 15);
				await page.locator('[data-hotspot="pay"]').focus();
				await page.keyboard.press('Enter');
				const dialog = page.getByRole('dialog');
				await dialog.waitFor();
				await page.evaluate(() => window.scrollTo(0, 0));
				const sheet = (await dialog.boundingBox())!;
				const close = (await dialog.getByRole('button').boundingBox())!;
				const payLink = (await dialog.getByRole('link').boundingBox())!;
				const sheetLabel = `${name} sheet ${JSON.stringify({sheet, close, payLink, box: g.box})}`;
				await page.screenshot({path: join(shotsDir, `player-reflow-${width}x${height}-sheet.png`)});
				// As wide as the box allows (was 88 px at 320×200, "Pay / €68.40 / now" on three lines).
				expect(sheet.width, sheetLabel).toBeGreaterThanOrEqual(Math.min(g.box.width, 440) - 1);
				// Pay and Close without scrolling anything: in the box, and on screen (Close was under the foot at 320×256).
				for (const [what, box] of [['pay', payLink], ['close', close]] as const) {
					expect(inside(box, g.box), `${sheetLabel} ${what}`).toBe(true);
					expect(inside(box, {x: 0, y: 0, width, height}), `${sheetLabel} ${what}`).toBe(true);
				}
				expect(await page.evaluate(() => document.documentElement.scrollWidth), sheetLabel).toBeLessThanOrEqual(width);
			} finally {
				await page.close();
			}
		}
	});

	it('draws the seek slider at 3:1 against the control bar, for a dark accent and a pale one', async () => {
		for (const [id, brand] of [
			['REFLOW-BLUE', telcoFixtures['ko-KR'].brand],
			['REFLOW-DEFAULT', {name: 'Aurora Mobile', primaryColor: '#FFB020', accentColor: '#4B2BD6'}],
			['REFLOW-YELLOW', {name: 'Sunny', primaryColor: '#4B2BD6', accentColor: '#FFD23F'}],
		] as const) {
			const {links} = await submitTelcoBill(watchStack.stack, {...sampleTelcoBill, brand, customer: {...sampleTelcoBill.customer, id}});
			const page = await watchStack.browser.newPage({viewport: {width: 1280, height: 800}, reducedMotion: 'reduce'});
			try {
				await page.goto(links.watch);
				await page.locator('.bc-seek').waitFor();
				const [slider, bar] = await page.evaluate(() => [getComputedStyle(document.querySelector('.bc-seek')!).accentColor, getComputedStyle(document.querySelector('.bc-controls')!).backgroundColor]);
				const hex = (rgb: string) => `#${rgb.match(/\d+/g)!.slice(0, 3).map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
				expect(contrastRatio(hex(slider!), hex(bar!)), `${id} ${slider} on ${bar}`).toBeGreaterThanOrEqual(3);
				await page.locator('.bc-controls').screenshot({path: join(shotsDir, `player-reflow-seek-${id}.png`)});
			} finally {
				await page.close();
			}
		}
	});
});
