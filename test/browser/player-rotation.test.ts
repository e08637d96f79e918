import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {mp4FormatFor, PAGE_HEADER_PX, playerBoxRules} from '../../src/player-layout';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {shotsDir, submitTelcoBill, useWatchStack} from '../helpers/browser-stack';

const watchStack = useWatchStack();

const submit = (customerId: string) => submitTelcoBill(watchStack.stack, {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: customerId}});

const start = async (page: Page, url: string) => {
	await page.goto(url);
	// Without reduced motion it starts by itself; a first play pressed at once would stop it.
	await page.locator('billcast-player .bc-root[data-state="playing"]').waitFor();
};

/** Lets the page draw `count` frames: a player that went on playing moves on within them, as it advances on each. */
const drawFrames = (page: Page, count: number) =>
	page.evaluate(
		(left) =>
			new Promise<void>((done) => {
				const tick = () => (--left === 0 ? done() : requestAnimationFrame(tick));
				requestAnimationFrame(tick);
			}),
		count,
	);

const PHONE = {width: 390, height: 844};
const TURNED = {width: 844, height: 390};

/** Where the picture, its box and the control bar are, and what the player reports. */
const layout = (page: Page) =>
	page.evaluate(() => {
		const rect = (selector: string) => {
			const {x, y, width, height} = document.querySelector(selector)!.getBoundingClientRect();
			return {x, y, width, height};
		};
		const root = document.querySelector<HTMLElement>('billcast-player .bc-root')!;
		return {
			box: rect('billcast-player'),
			stage: rect('billcast-player .bc-stage'),
			controls: rect('billcast-player .bc-controls'),
			ratio: Number(root.style.getPropertyValue('--bc-ratio')),
			state: root.dataset.state,
			frame: Number(document.querySelector<HTMLInputElement>('billcast-player .bc-seek')!.value),
		};
	});

const expectFitted = async (page: Page, viewport: {width: number; height: number}, shot: string) => {
	// The box follows after the media query's change event: poll until it has.
	await expect
		.poll(async () => {
			const {box, stage} = await layout(page);
			return stage.height <= box.height + 0.5 && stage.width <= box.width + 0.5;
		})
		.toBe(true);
	await page.evaluate(() => window.scrollTo(0, 0));
	const {box, stage, controls, ratio} = await layout(page);
	await page.screenshot({path: join(shotsDir, `player-rotation-${shot}.png`)});
	// The picture is in its box, the box's shape is the picture's, and the control bar ends on screen.
	expect(stage.x).toBeGreaterThanOrEqual(box.x - 0.5);
	expect(stage.y).toBeGreaterThanOrEqual(box.y - 0.5);
	expect(stage.x + stage.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
	expect(stage.y + stage.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
	expect(Math.abs(stage.width / stage.height - ratio)).toBeLessThan(0.02);
	expect(Math.abs(box.height - (stage.height + controls.height))).toBeLessThan(1);
	expect(controls.y + controls.height).toBeLessThanOrEqual(viewport.height);
	expect(controls.x + controls.width).toBeLessThanOrEqual(viewport.width);
};

describe('a phone turned while the video plays', () => {
	it('plays the format of the new shape in a box that fits it, going on from the same frame, still playing', async () => {
		const {links} = await submit('ROTATE-PORTRAIT');
		const page = await watchStack.browser.newPage({viewport: PHONE, isMobile: true, hasTouch: true});
		try {
			await start(page, links.watch);
			expect((await layout(page)).ratio).toBeCloseTo(1080 / 1920, 3);
			await expectFitted(page, PHONE, 'upright');
			await expect.poll(async () => (await layout(page)).frame, {timeout: 10_000}).toBeGreaterThan(60);

			const turnedAt = (await layout(page)).frame;
			await page.setViewportSize(TURNED);
			await expect.poll(async () => (await layout(page)).ratio, {timeout: 10_000}).toBeCloseTo(1920 / 1080, 3);
			await expectFitted(page, TURNED, 'turned');
			// Still playing, on from where it was rather than from the start of the scene or the video.
			const before = (await layout(page)).frame;
			expect(before).toBeGreaterThanOrEqual(turnedAt);
			expect((await layout(page)).state).toBe('playing');
			await expect.poll(async () => (await layout(page)).frame, {timeout: 10_000}).toBeGreaterThan(before);

			// Turned back upright, paused: it stays paused, on the same frame.
			await page.locator('billcast-player .bc-play').click();
			await page.locator('billcast-player .bc-root[data-state="paused"]').waitFor();
			const paused = (await layout(page)).frame;
			await page.setViewportSize(PHONE);
			await expect.poll(async () => (await layout(page)).ratio, {timeout: 10_000}).toBeCloseTo(1080 / 1920, 3);
			await expectFitted(page, PHONE, 'upright-again');
			await drawFrames(page, 30);
			expect(await layout(page)).toMatchObject({state: 'paused', frame: paused});
		} finally {
			await page.close();
		}
	});

	it('fits the box to the picture when the phone started sideways and is turned upright', async () => {
		const {links} = await submit('ROTATE-LANDSCAPE');
		const page = await watchStack.browser.newPage({viewport: TURNED, isMobile: true, hasTouch: true});
		try {
			await start(page, links.watch);
			await expectFitted(page, TURNED, 'sideways-first');
			await page.setViewportSize(PHONE);
			await expect.poll(async () => (await layout(page)).ratio, {timeout: 10_000}).toBeCloseTo(1080 / 1920, 3);
			await expectFitted(page, PHONE, 'sideways-then-upright');
			// No black band left under the picture: the box ends where the control bar does.
			const {box, controls} = await layout(page);
			expect(Math.abs(box.y + box.height - (controls.y + controls.height))).toBeLessThan(1);
		} finally {
			await page.close();
		}
	});

	it('on a sideways phone the picture takes the height under the page header, captions on or off', async () => {
		const {links} = await submit('ROTATE-SHORT-LANDSCAPE');
		const page = await watchStack.browser.newPage({viewport: TURNED, isMobile: true, hasTouch: true});
		try {
			await start(page, links.watch);
			await expectFitted(page, TURNED, 'sideways-tall');
			const header = (await page.locator('header').first().boundingBox())!;
			// At 55 % of the height it was 381×214 (277×155 with captions) under a 56 px header.
			const off = await layout(page);
			expect(off.box.y + off.box.height).toBeGreaterThan(TURNED.height - 2);
			expect(off.box.y).toBeLessThanOrEqual(header.y + header.height + 0.5);
			expect(off.stage.width).toBeGreaterThan(500);
			await page.locator('billcast-player .bc-cc').click();
			await page.locator('billcast-player .bc-band').waitFor();
			await expect.poll(async () => (await layout(page)).stage.width).toBeLessThan(off.stage.width);
			const on = await layout(page);
			expect(on.box.y + on.box.height).toBeLessThanOrEqual(TURNED.height + 0.5);
			expect(on.stage.width).toBeGreaterThan(400);
			await page.screenshot({path: join(shotsDir, 'player-rotation-sideways-captions.png')});
		} finally {
			await page.close();
		}
	});

	it('fills the turned screen in full screen with the format of its new shape', async () => {
		const {links} = await submit('ROTATE-FULLSCREEN');
		const page = await watchStack.browser.newPage({viewport: PHONE, isMobile: true, hasTouch: true});
		try {
			await start(page, links.watch);
			await page.getByRole('button', {name: 'Full screen'}).click();
			await page.waitForFunction(() => document.fullscreenElement?.classList.contains('bc-root') === true);
			await page.setViewportSize(TURNED);
			await expect.poll(async () => (await layout(page)).ratio, {timeout: 10_000}).toBeCloseTo(1920 / 1080, 3);
			const {stage, controls} = await layout(page);
			await page.screenshot({path: join(shotsDir, 'player-rotation-fullscreen.png')});
			// The picture takes the screen's height less the control bar, not a strip in the middle of it.
			expect(stage.height + controls.height).toBeGreaterThan(TURNED.height - 2);
			expect(stage.x).toBeGreaterThanOrEqual(0);
			expect(stage.x + stage.width).toBeLessThanOrEqual(TURNED.width);
			expect(controls.y + controls.height).toBeLessThanOrEqual(TURNED.height);
			expect((await layout(page)).state).toBe('playing');
		} finally {
			await page.close();
		}
	});

	it("keeps an MP4's box in its file's shape: the portrait file picked upright stays portrait when the phone turns", async () => {
		const rendered = ['landscape', 'portrait'] as const;
		const css = playerBoxRules('billcast-player', {wide: mp4FormatFor(rendered, false), upright: mp4FormatFor(rendered, true)});
		const page = await watchStack.browser.newPage({viewport: PHONE});
		try {
			await page.setContent(`<style>body{margin:0}main{container-type:inline-size}billcast-player{display:block}${css}</style><main><billcast-player></billcast-player></main>`);
			const ratio = () =>
				page.locator('billcast-player').evaluate((element) => {
					const {width, height} = element.getBoundingClientRect();
					return width / (height - 48);
				});
			// Before the player runs, the box is the file it will pick for the screen.
			expect(await ratio()).toBeCloseTo(1080 / 1920, 2);
			await page.locator('billcast-player').evaluate((element) => element.setAttribute('data-format', 'portrait'));
			await page.setViewportSize(TURNED);
			// Turned, the portrait picture is limited by the height: the box keeps room for the control bar beside it
			// (at least 571 px wide), as tall as the picture under the page's header, and holds a portrait picture.
			const {y, width, height} = (await page.locator('billcast-player').boundingBox())!;
			expect(height - 48).toBeCloseTo(TURNED.height - 48 - PAGE_HEADER_PX, 0);
			expect(width).toBeGreaterThanOrEqual(((height - 48) * 1080) / 1920);
			expect(y + height).toBeLessThanOrEqual(TURNED.height);
		} finally {
			await page.close();
		}
	});
});
