import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {computeRenderInput} from '../../src/render-input';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import type {TemplateBill} from '../../src/templates/registry';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {shotsDir, useWatchStack} from '../helpers/browser-stack';
import {seekPaused} from '../helpers/seek-paused';
import {type Box, inside} from '../helpers/boxes';

/**
 * The player embedded as README shows it, in a host page's box: its pay sheet stays in that box, and a box too small
 * for the caption band (320×180) draws captions over the picture and the Paid banner as a small tag in its corner.
 */
const watchStack = useWatchStack();

type Locale = 'en-GB' | 'it-IT' | 'ko-KR';
const LOCALES: readonly Locale[] = ['en-GB', 'it-IT', 'ko-KR'];
const reminder = (locale: Locale, id: string): TemplateBill => ({template: 'payment-reminder', bill: {...reminderFixtures[locale], customer: {...reminderFixtures[locale].customer, id}}});

const post = async (input: TemplateBill) => {
	const {stack} = watchStack;
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth}, body: JSON.stringify(input)});
	expect(response.status).toBe(202);
	return (await response.json()) as {id: string; links: {watch: string}};
};

const confirmPaid = async (id: string, input: TemplateBill & {template: 'payment-reminder'}) => {
	const {stack} = watchStack;
	const response = await fetch(`${stack.baseUrl}/v1/renders/${id}/payment`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({amount: input.bill.amountOverdue, currency: input.bill.customer.currency, paidAt: '2026-11-20T09:30:00Z', reference: `PSP-${id}`}),
	});
	expect(response.status).toBe(201);
};

/** A host page with text around a box of the given size holding the bare tag, as README's embed shows it. */
const embed = async (page: Page, watch: string, {width, height}: {width: number; height: number}) => {
	const {stack} = watchStack;
	const script = /<script nonce="[^"]+" src="([^"]+)"/.exec(await (await fetch(watch)).text())![1]!;
	const token = new URL(watch).pathname.split('/').pop()!;
	await page.setContent(
		`<!doctype html><html><body style="margin:40px;background:#eee"><p id="host-text">The host page's own text.</p><div style="width:${width}px;height:${height}px"><billcast-player src="${stack.baseUrl}/v1/watch/${token}"></billcast-player></div><script src="${stack.baseUrl}${script}"></script></body></html>`,
	);
	await page.locator('billcast-player .bc-root').waitFor();
};

const rect = async (page: Page, selector: string): Promise<Box> => (await page.locator(selector).boundingBox())!;

const payFrame = (input: TemplateBill) => computeRenderInput({...input, format: 'landscape'}).timeline.hotspots.find((hotspot) => hotspot.kind === 'pay')!.from + 15;

describe('the pay sheet stays in the player', () => {
	it('in a 640×360 and a 320×180 embed on a 1280×800 page, and on the screen in full screen; the host page is not dimmed', async () => {
		for (const locale of LOCALES) {
			const input = reminder(locale, `EMBED-SHEET-${locale}`);
			const {links} = await post(input);
			for (const size of [
				{width: 640, height: 360},
				{width: 320, height: 180},
			]) {
				const page = await watchStack.browser.newPage({viewport: {width: 1280, height: 800}, reducedMotion: 'reduce'});
				try {
					await embed(page, links.watch, size);
					await seekPaused(page, payFrame(input));
					await page.locator('[data-hotspot="pay"]').click();
					const dialog = page.getByRole('dialog');
					await dialog.waitFor();
					const player = await rect(page, 'billcast-player');
					const label = `${locale} ${size.width}×${size.height}`;
					expect(inside(await rect(page, '.bc-backdrop'), player), label).toBe(true);
					expect(inside(await rect(page, '.bc-sheet'), player), label).toBe(true);
					// All of the sheet shows without scrolling, its pay link and close button included.
					expect(await page.locator('.bc-backdrop').evaluate((backdrop) => backdrop.scrollHeight <= backdrop.clientHeight), label).toBe(true);
					// The host page's text is still what is under the pointer there, not a backdrop over it.
					const host = await rect(page, '#host-text');
					expect(await page.evaluate(({x, y}) => document.elementFromPoint(x, y)?.id, {x: host.x + 5, y: host.y + host.height / 2}), label).toBe('host-text');
					await page.screenshot({path: join(shotsDir, `embed-pay-sheet-${size.width}-${locale}.png`)});
					// A click on the host page closes it, as a click beside it in the player does.
					await page.mouse.click(host.x + 5, host.y + host.height / 2);
					await dialog.waitFor({state: 'detached'});
				} finally {
					await page.close();
				}
			}
		}
	});

	it('in full screen, on the screen', async () => {
		const input = reminder('en-GB', 'EMBED-SHEET-FULLSCREEN');
		const {links} = await post(input);
		const page = await watchStack.browser.newPage({viewport: {width: 1280, height: 800}, reducedMotion: 'reduce'});
		try {
			await embed(page, links.watch, {width: 640, height: 360});
			await page.locator('billcast-player .bc-fullscreen').click();
			await page.waitForFunction(() => document.fullscreenElement?.classList.contains('bc-root') === true);
			await seekPaused(page, payFrame(input));
			await page.locator('[data-hotspot="pay"]').click();
			await page.getByRole('dialog').waitFor();
			const screen = {x: 0, y: 0, width: 1280, height: 800};
			const backdrop = await rect(page, '.bc-backdrop');
			expect(inside(backdrop, screen) && inside(screen, backdrop)).toBe(true);
			expect(inside(await rect(page, '.bc-sheet'), screen)).toBe(true);
			await page.screenshot({path: join(shotsDir, 'embed-pay-sheet-fullscreen.png')});
		} finally {
			await page.close();
		}
	});
});

const turnCaptionsOn = async (page: Page) => {
	const captions = page.locator('billcast-player .bc-cc');
	await captions.waitFor({state: 'visible'});
	if ((await captions.getAttribute('aria-pressed')) !== 'true') await captions.click();
};

describe('a small embed keeps a usable picture', () => {
	it('320×180: captions lie over the foot of the picture and the Paid banner is a small tag in its corner', async () => {
		const utility: TemplateBill = {template: 'utility-bill', bill: {...utilityFixtures['en-GB'], customer: {...utilityFixtures['en-GB'].customer, id: 'EMBED-SMALL-UTILITY'}}};
		for (const input of [reminder('en-GB', 'EMBED-SMALL-en'), reminder('it-IT', 'EMBED-SMALL-it'), reminder('ko-KR', 'EMBED-SMALL-ko'), utility]) {
			const {id, links} = await post(input);
			if (input.template === 'payment-reminder') await confirmPaid(id, input);
			const page = await watchStack.browser.newPage({viewport: {width: 480, height: 320}, reducedMotion: 'reduce'});
			const label = input.bill.customer.id;
			try {
				await embed(page, links.watch, {width: 320, height: 180});
				await turnCaptionsOn(page);
				const {timeline} = computeRenderInput({...input, format: 'landscape'});
				// The greeting, a settled frame: its cue is there.
				await seekPaused(page, timeline.staticHolds[0]!.from + 5);
				const caption = page.locator('billcast-player .bc-caption');
				await caption.waitFor({state: 'visible'});
				const [player, picture, captionBox, controls] = [await rect(page, 'billcast-player'), await rect(page, '.bc-frame'), await caption.boundingBox(), await rect(page, '.bc-controls')];
				// The picture takes all the room above the control bar (was 151×85 beside a 47 px band).
				expect(picture.height, label).toBeGreaterThan(player.height - controls.height - 1);
				expect(picture.width, label).toBeGreaterThan(230);
				expect(inside(captionBox!, picture), label).toBe(true);
				expect(captionBox!.y + captionBox!.height, label).toBeGreaterThan(picture.y + picture.height - 12);
				expect(inside(controls, player), label).toBe(true);
				if (input.template === 'payment-reminder') {
					const banner = await rect(page, 'billcast-player .bc-top .bc-paid');
					// A tag in the top corner, not a band across the top: was a fifth of the picture.
					expect((banner.width * banner.height) / (picture.width * picture.height), label).toBeLessThan(0.06);
					expect(banner.y - picture.y, label).toBeLessThan(8);
					expect(inside(banner, picture), label).toBe(true);
				}
				await page.screenshot({path: join(shotsDir, `embed-small-${label}.png`)});
			} finally {
				await page.close();
			}
		}
	});

	it('480×270 keeps the caption band under the picture', async () => {
		const {links} = await post(reminder('it-IT', 'EMBED-MEDIUM'));
		const page = await watchStack.browser.newPage({viewport: {width: 640, height: 400}, reducedMotion: 'reduce'});
		try {
			await embed(page, links.watch, {width: 480, height: 270});
			await turnCaptionsOn(page);
			await seekPaused(page, computeRenderInput({...reminder('it-IT', 'EMBED-MEDIUM'), format: 'landscape'}).timeline.staticHolds[0]!.from + 5);
			await page.locator('billcast-player .bc-caption').waitFor({state: 'visible'});
			const picture = await rect(page, '.bc-frame');
			expect(await page.locator('.bc-band-over').count()).toBe(0);
			expect((await rect(page, '.bc-band')).y).toBeGreaterThanOrEqual(picture.y + picture.height - 0.5);
		} finally {
			await page.close();
		}
	});
});

describe('the buttons over the picture in a small embed', () => {
	it('320×180: every hotspot takes presses on at least 24×24 CSS px around its centre, drawn where the video draws it', async () => {
		for (const locale of LOCALES) {
			const input = reminder(locale, `EMBED-TARGET-${locale}`);
			const {links} = await post(input);
			const page = await watchStack.browser.newPage({viewport: {width: 480, height: 320}, reducedMotion: 'reduce'});
			try {
				await embed(page, links.watch, {width: 320, height: 180});
				const {timeline} = computeRenderInput({...input, format: 'landscape'});
				const frames = [...new Set(timeline.hotspots.map((hotspot) => hotspot.from + 15))];
				let measured = 0;
				for (const frame of frames) {
					await seekPaused(page, frame);
					const shown = timeline.hotspots.filter((hotspot) => frame >= hotspot.from && frame < hotspot.from + hotspot.durationInFrames);
					await page.locator(`[data-hotspot="${shown[0]!.id}"]`).waitFor({state: 'visible'});
					const picture = await rect(page, '.bc-frame');
					const scale = picture.width / timeline.width;
					for (const hotspot of shown) {
						const label = `${locale} ${hotspot.id}`;
						const drawn = await rect(page, `[data-hotspot="${hotspot.id}"]`);
						// The button itself stays on the rectangle the video draws (67×17 and 80×17 px here).
						expect(drawn.x - picture.x, label).toBeCloseTo(hotspot.rect.x * scale, 0);
						expect(drawn.height, label).toBeCloseTo(hotspot.rect.height * scale, 0);
						const centre = {x: drawn.x + drawn.width / 2, y: drawn.y + drawn.height / 2};
						const reach = 11.5;
						const hits = await page.evaluate(
							({points}) => points.map(({x, y}) => document.elementFromPoint(x, y)?.closest('.bc-hotspot')?.getAttribute('data-hotspot') ?? null),
							{
								points: [
									{x: centre.x, y: centre.y - reach},
									{x: centre.x, y: centre.y + reach},
									{x: centre.x - reach, y: centre.y},
									{x: centre.x + reach, y: centre.y},
								],
							},
						);
						expect(hits, label).toEqual([hotspot.id, hotspot.id, hotspot.id, hotspot.id]);
						measured += drawn.height < 24 ? 1 : 0;
					}
				}
				// The embed's buttons are drawn smaller than the target: what this test is about.
				expect(measured).toBeGreaterThan(0);
				await page.screenshot({path: join(shotsDir, `embed-hotspot-targets-${locale}.png`)});
				// The chapter menu opens inside the 320×180 box, all of it reachable (scrolling when it is longer).
				await page.locator('.bc-chapters-button').click();
				const menu = page.getByRole('menu');
				await menu.waitFor();
				expect(inside(await rect(page, '.bc-chapter-menu'), await rect(page, 'billcast-player')), locale).toBe(true);
				await page.getByRole('menuitemradio').last().scrollIntoViewIfNeeded();
				expect(inside((await page.getByRole('menuitemradio').last().boundingBox())!, await rect(page, 'billcast-player')), locale).toBe(true);
				await page.screenshot({path: join(shotsDir, `embed-chapter-menu-${locale}.png`)});
				await page.keyboard.press('Escape');
			} finally {
				await page.close();
			}
		}
	});
});
