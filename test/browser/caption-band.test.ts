import {join} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {VideoFormat} from '../../src/formats';
import {computeRenderInput} from '../../src/render-input';
import type {SceneId} from '../../src/scene-ids';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import type {TemplateBill} from '../../src/templates/registry';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {launchChromium} from '../helpers/browser';
import {shotsDir, useWatchStack} from '../helpers/browser-stack';
import {seekPaused} from '../helpers/seek-paused';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';
import {type Box, inside, intersects} from '../helpers/boxes';

/**
 * Captions have their own band under the picture: on a phone, a desktop, a 480×270 embed and in full screen the cue's
 * box never meets the picture's, so a scene's own text (the utility bill's "9% more than …", the Italian reminder's two
 * lines) is never hidden under it, and the control bar stays on screen. (A box too small for the band, a 320×180
 * embed, draws them over the picture: embed-player.test.ts.)
 */
const watchStack = useWatchStack();

const PHONE = {width: 390, height: 844};
const DESKTOP = {width: 1280, height: 800};

const utility: TemplateBill = {template: 'utility-bill', bill: {...utilityFixtures['en-GB'], customer: {...utilityFixtures['en-GB'].customer, id: 'CAPTION-BAND-UTILITY'}}};
/** A brand whose name makes the greeting's cue too long for two lines in a 480 px band at the usual size. */
const longBrand: TemplateBill = {
	template: 'utility-bill',
	bill: {
		...utilityFixtures['en-GB'],
		customer: {...utilityFixtures['en-GB'].customer, id: 'CAPTION-BAND-LONG'},
		brand: {...utilityFixtures['en-GB'].brand, name: 'BrightWatt Community Energy Cooperative of the Northern Counties'},
	},
};
const reminder: TemplateBill = {template: 'payment-reminder', bill: {...reminderFixtures['it-IT'], customer: {...reminderFixtures['it-IT'].customer, id: 'CAPTION-BAND-REMINDER'}}};

const post = async (stack: TestStack, input: TemplateBill, extra: Record<string, unknown> = {}) => {
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({...input, ...extra}),
	});
	expect(response.status).toBe(202);
	return (await response.json()) as {id: string; links: {watch: string}};
};

/** A settled frame of each scene (its buttons in), the scene named for the messages. */
const settledFrames = (input: TemplateBill, format: VideoFormat): Array<{scene: SceneId; frame: number}> => {
	const {timeline} = computeRenderInput({...input, format});
	return timeline.staticHolds.map((hold) => ({
		scene: timeline.scenes.find((scene) => hold.from >= scene.from && hold.from < scene.from + scene.durationInFrames)!.id,
		frame: hold.from + Math.floor(hold.durationInFrames / 2),
	}));
};

const geometry = (page: Page) =>
	page.evaluate(() => {
		const rect = (selector: string) => {
			const element = document.querySelector(selector);
			if (!element) return undefined;
			const {x, y, width, height} = element.getBoundingClientRect();
			return {x, y, width, height};
		};
		return {
			host: rect('billcast-player')!,
			picture: rect('billcast-player .bc-frame')!,
			stage: rect('billcast-player .bc-stage')!,
			caption: rect('billcast-player .bc-caption'),
			captionText: document.querySelector('billcast-player .bc-caption')?.textContent ?? '',
			captionLines: (() => {
				const caption = document.querySelector('billcast-player .bc-caption');
				return caption ? Math.round(caption.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(caption).lineHeight)) : 0;
			})(),
			controls: rect('billcast-player .bc-controls')!,
			ratio: Number(document.querySelector<HTMLElement>('billcast-player .bc-root')!.style.getPropertyValue('--bc-ratio')),
			viewport: {width: window.innerWidth, height: window.innerHeight},
		};
	});

const turnCaptionsOn = async (page: Page) => {
	const captions = page.locator('billcast-player .bc-cc');
	await captions.waitFor({state: 'visible'});
	if ((await captions.getAttribute('aria-pressed')) !== 'true') await captions.click();
	expect(await captions.getAttribute('aria-pressed')).toBe('true');
};

/**
 * At a settled frame of every scene: a cue shows, its box is clear of the picture, the picture keeps its shape and the
 * control bar is on screen. `shots` names the scenes worth a screenshot.
 */
const expectClearOfPicture = async ({page, input, format, name, shots, within}: {page: Page; input: TemplateBill; format: VideoFormat; name: string; shots: readonly SceneId[]; within: (g: Awaited<ReturnType<typeof geometry>>) => Box}) => {
	for (const {scene, frame} of settledFrames(input, format)) {
		await seekPaused(page, frame);
		await expect.poll(async () => (await geometry(page)).captionText, {message: `${name} ${scene}: a cue`}).not.toBe('');
		const g = await geometry(page);
		const label = `${name} ${scene} ${JSON.stringify(g)}`;
		expect(intersects(g.caption!, g.picture), label).toBe(false);
		expect(intersects(g.caption!, g.stage), label).toBe(false);
		expect(g.caption!.y, label).toBeGreaterThanOrEqual(g.picture.y + g.picture.height - 0.5);
		// Two lines at most: a longer cue is drawn smaller rather than spilling out of its band.
		expect(g.captionLines, label).toBeLessThanOrEqual(2);
		expect(Math.abs(g.picture.width / g.picture.height - g.ratio), label).toBeLessThan(0.02);
		expect(inside(g.picture, within(g)), label).toBe(true);
		expect(inside(g.caption!, within(g)), label).toBe(true);
		expect(inside(g.controls, within(g)), label).toBe(true);
		expect(inside(g.controls, {x: 0, y: 0, ...g.viewport}), label).toBe(true);
		if (shots.includes(scene)) {
			// An MP4 shows the frame sought to once its seek is done and the frame decoded; the live player draws it at once.
			await page.waitForFunction(() => {
				const video = document.querySelector<HTMLVideoElement>('billcast-player video');
				return !video || (!video.seeking && video.readyState >= 2);
			});
			await page.screenshot({path: join(shotsDir, `caption-band-${name}-${scene}.png`)});
		}
	}
};

describe('captions in their own band under the picture, never over it', () => {
	it('on a 390×844 phone and a 1280×800 desktop watch page: the box holds the picture, the band and the controls', async () => {
		for (const input of [utility, reminder]) {
			const {links} = await post(watchStack.stack, input);
			for (const {viewport, format, device} of [
				{viewport: PHONE, format: 'portrait', device: 'phone'},
				{viewport: DESKTOP, format: 'landscape', device: 'desktop'},
			] as const) {
				const page = await watchStack.browser.newPage({viewport, reducedMotion: 'reduce'});
				try {
					await page.goto(links.watch);
					await turnCaptionsOn(page);
					const name = `${device}-${input.template}`;
					await expectClearOfPicture({page, input, format, name, shots: ['consumption', 'similar', 'overdue', 'next'], within: (g) => g.host});
					// The page's box grew by the band: the picture is as wide as the box, nothing spare under the controls. On the
					// phone the box keeps the screen's width and the picture gives the band of 16 px captions a few px, either side.
					const g = await geometry(page);
					expect(g.host.width - g.picture.width, name).toBeLessThan(device === 'phone' ? 8 : 1);
					expect(Math.abs(g.picture.x - g.host.x - (g.host.width - g.picture.width) / 2), name).toBeLessThan(1);
					expect(Math.abs(g.host.y + g.host.height - (g.controls.y + g.controls.height)), name).toBeLessThan(1);
					if (device === 'phone') expect(g.picture.width, name).toBeGreaterThanOrEqual(360);
					if (device === 'desktop') expect(g.controls.y + g.controls.height, name).toBeLessThanOrEqual(0.55 * DESKTOP.height + 48 + g.host.y + 1);
					// Captions off: no band, the picture as before, filling the box again.
					await page.locator('billcast-player .bc-cc').click();
					await expect.poll(async () => (await geometry(page)).caption).toBeUndefined();
					const off = await geometry(page);
					expect(Math.abs(off.host.height - (off.picture.height + off.controls.height)), name).toBeLessThan(1);
				} finally {
					await page.close();
				}
			}
		}
	});

	it('in a 480×270 embed on another page: the picture shrinks into what the band leaves, the controls stay in the box', async () => {
		const html = await (await fetch((await post(watchStack.stack, utility)).links.watch)).text();
		const script = /<script nonce="[^"]+" src="([^"]+)"/.exec(html)![1]!;
		for (const input of [reminder, utility, longBrand]) {
			const {links} = await post(watchStack.stack, input);
			const token = new URL(links.watch).pathname.split('/').pop()!;
			const page = await watchStack.browser.newPage({viewport: {width: 640, height: 400}, reducedMotion: 'reduce'});
			try {
				// Sized on the tag itself, or (as README's embed shows the tag bare) by the box the host puts it in.
				const tag = `<billcast-player${input === utility ? '' : ' style="width:480px;height:270px"'} src="${watchStack.stack.baseUrl}/v1/watch/${token}"></billcast-player>`;
				const hosted = input === utility ? `<div style="width:480px;height:270px">${tag}</div>` : tag;
				await page.setContent(
					`<!doctype html><html><body style="margin:20px;background:#eee">${hosted}<script src="${watchStack.stack.baseUrl}${script}"></script></body></html>`,
				);
				await turnCaptionsOn(page);
				const box = (await page.locator('billcast-player').boundingBox())!;
				expect(box.height, 'the player stays in its 270 px box').toBeLessThanOrEqual(271);
				await expectClearOfPicture({page, input, format: 'landscape', name: `embed-480-${input.bill.customer.id}`, shots: ['greeting', 'consumption', 'overdue'], within: (g) => g.host});
			} finally {
				await page.close();
			}
		}
	});

	it('in full screen: on a desktop the picture gives the band its room; on an upright phone the band takes the spare room and the picture keeps its size', async () => {
		for (const input of [reminder, utility]) {
			const {links} = await post(watchStack.stack, input);
			for (const {viewport, format, device} of [
				{viewport: DESKTOP, format: 'landscape', device: 'desktop'},
				{viewport: PHONE, format: 'portrait', device: 'phone'},
			] as const) {
				const page = await watchStack.browser.newPage({viewport, reducedMotion: 'reduce'});
				try {
					await page.goto(links.watch);
					await turnCaptionsOn(page);
					await page.locator('billcast-player .bc-fullscreen').click();
					await page.waitForFunction(() => document.fullscreenElement?.classList.contains('bc-root') === true);
					const screen = {x: 0, y: 0, ...viewport};
					const name = `fullscreen-${device}-${input.template}`;
					await expectClearOfPicture({page, input, format, name, shots: ['consumption', 'overdue'], within: () => screen});
					const g = await geometry(page);
					// A 9:16 picture on a 390×844 screen leaves room under it: it stays the screen's width.
					if (device === 'phone') expect(Math.abs(g.picture.width - viewport.width), name).toBeLessThan(1);
					// A 16:9 picture on a 16:10 screen has none: it shrinks a little, not more than the band's height.
					if (device === 'desktop') expect(g.picture.height, name).toBeGreaterThan(viewport.height - 48 - 2 * g.caption!.height - 16);
				} finally {
					await page.close();
				}
			}
		}
	});
});

describe('MP4 mode', () => {
	let stack: TestStack;
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
		stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: true});
	});
	afterAll(async () => {
		await browser?.close();
		await stack?.close();
	});

	it('a landscape file in full screen on an upright phone: the band sits in the letterbox under the picture', async () => {
		const render = await post(stack, utility, {format: 'landscape', scale: 0.25});
		expect((await waitForRender(stack, render.id)).status).toBe('completed');
		const page = await browser.newPage({viewport: PHONE, isMobile: true, hasTouch: true});
		try {
			await page.goto(`${render.links.watch}?player=mp4`);
			await page.waitForFunction(() => (document.querySelector('billcast-player video') as HTMLVideoElement | null)?.readyState! >= 2);
			await turnCaptionsOn(page);
			await page.locator('billcast-player .bc-fullscreen').click();
			await page.waitForFunction(() => document.fullscreenElement?.classList.contains('bc-root') === true);
			await expectClearOfPicture({page, input: utility, format: 'landscape', name: 'fullscreen-phone-mp4', shots: ['consumption'], within: () => ({x: 0, y: 0, ...PHONE})});
			const g = await geometry(page);
			expect(Math.abs(g.picture.width - PHONE.width)).toBeLessThan(1);
			// Directly under the picture, not at the foot of the screen.
			expect(g.caption!.y - (g.picture.y + g.picture.height)).toBeLessThan(2 * g.caption!.height);
		} finally {
			await page.close();
		}
	});
});
