import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {moneyAskSpeech} from '../../src/paid-silence';
import type {RenderRequestInput} from '../../src/render-input';
import type {VideoNarration} from '../../src/narration';
import {launchChromium} from '../helpers/browser';
import {seekPaused} from '../helpers/seek-paused';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';
import {watchDataUrl} from '../helpers/watch-data';

const shotsDir = process.env.BILLCAST_VOICE_SHOTS_DIR ?? '/tmp/voice-shots';
mkdirSync(shotsDir, {recursive: true});

let stack: TestStack;
let browser: Browser;
let watch: string;

/** The four scenes of a bill that asks to be paid (greeting, total, due, close): the shortest video with a pay button. */
const shortDueBill = {...sampleTelcoBill, lineItems: [], usage: undefined, previousByCategory: undefined};

/** One bill a language for the narrow player, never rendered: its voice is all it waits for. */
const narrowBills = Object.values(telcoFixtures).map((fixture) => ({...fixture, customer: {...fixture.customer, id: `CUST-NARROW-${fixture.customer.locale}`}}));

const postNarrow = async (bill: (typeof narrowBills)[number]) => {
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({template: 'telco-bill', bill, outputs: {mp4: 'on-demand', poster: 'on-demand'}}),
	});
	expect(response.status).toBe(202);
	return (await response.json()) as {links: {watch: string}};
};

beforeAll(async () => {
	// Before the worker: a browser started once the worker has marked this process as its owner counts as the worker's
	// own, and its tidy between renders would close it.
	browser = await launchChromium();
	stack = await startTestStack({
		redisUrl: inject('redisUrl'),
		serveUrl: inject('serveUrl'),
		withWorker: true,
		tenant: {narration: {status: 'on', voices: {}, musicBed: {status: 'generated'}}},
	});
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({template: 'telco-bill', bill: shortDueBill, format: 'landscape', scale: 0.25}),
	});
	expect(response.status).toBe(202);
	const {id, links} = (await response.json()) as {id: string; links: {watch: string}};
	// The narrow player's voices, asked for as its page would (a first look at the watch data), are made while the video
	// renders and the tests before it run: the test finds them made, or on their way.
	for (const bill of narrowBills) expect((await fetch(watchDataUrl(stack.baseUrl, (await postNarrow(bill)).links.watch))).status).toBe(200);
	expect((await waitForRender(stack, id)).status).toBe('completed');
	watch = links.watch;
});
afterAll(async () => {
	await browser?.close();
	await stack?.close();
});

/** The element that sounds: the narration's <audio> in the live player, the <video> in MP4 mode. */
const MEDIA = {
	live: 'billcast-player audio[src*="narration.m4a"]',
	mp4: 'billcast-player video',
} as const;

const mediaState = (page: Page, selector: string) =>
	page.evaluate((css) => {
		const media = document.querySelector<HTMLMediaElement>(css);
		return media ? {muted: media.muted, paused: media.paused, time: media.currentTime} : undefined;
	}, selector);

/** Autoplay starts muted with captions on; one press on "Turn sound on" unmutes the media and it plays on. */
const turnSoundOn = async (page: Page, mode: keyof typeof MEDIA) => {
	const sound = page.getByRole('button', {name: 'Turn sound on'});
	await sound.waitFor({state: 'visible'});
	await page.waitForFunction((css) => document.querySelector(css) !== null, MEDIA[mode]);
	expect((await mediaState(page, MEDIA[mode]))?.muted).toBe(true);
	expect(await page.getByRole('button', {name: 'Captions', exact: true}).getAttribute('aria-pressed')).toBe('true');
	await sound.click();
	await expect.poll(() => page.locator('.bc-sound').textContent()).toBe('Turn sound off');
	const unmuted = await page.waitForFunction((css) => {
		const media = document.querySelector<HTMLMediaElement>(css);
		return media && !media.muted && !media.paused ? media.currentTime : undefined;
	}, MEDIA[mode]);
	const from = (await unmuted.jsonValue()) as number;
	await page.waitForFunction(({css, after}) => (document.querySelector<HTMLMediaElement>(css)?.currentTime ?? 0) > after + 0.5, {css: MEDIA[mode], after: from});
	expect((await mediaState(page, MEDIA[mode]))?.muted).toBe(false);
	// Remembered for the page: a reload keeps sound on (applied at the first tap, since browsers require one).
	expect(await page.evaluate(() => sessionStorage.getItem('billcast-sound'))).toBe('on');
};

describe('sound on the watch page', () => {
	it('live player: "Turn sound on" unmutes the narration, which plays on; the choice outlives a reload', async () => {
		const page = await browser.newPage({viewport: {width: 1280, height: 800}});
		try {
			await page.goto(watch);
			await turnSoundOn(page, 'live');
			await page.screenshot({path: join(shotsDir, 'desktop-live-sound-on.png')});
			await page.reload();
			const sound = page.getByRole('button', {name: 'Turn sound on'});
			await sound.waitFor({state: 'visible'});
			await page.locator('.bc-seek').click();
			await page.waitForFunction(() => document.querySelector('.bc-sound')?.textContent === 'Turn sound off');
			await page.waitForFunction((css) => document.querySelector<HTMLMediaElement>(css)?.muted === false, MEDIA.live);
		} finally {
			await page.close();
		}
	});

	it('MP4 mode: "Turn sound on" unmutes the video itself', async () => {
		const page = await browser.newPage({viewport: {width: 1280, height: 800}});
		try {
			await page.goto(`${watch}?player=mp4`);
			await turnSoundOn(page, 'mp4');
			await page.screenshot({path: join(shotsDir, 'desktop-mp4-sound-on.png')});
		} finally {
			await page.close();
		}
	});

	it('the live player captions a bill whose video was never rendered', async () => {
		const response = await fetch(`${stack.baseUrl}/v1/renders`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify({template: 'telco-bill', bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: 'CUST-NO-MP4'}}, outputs: {mp4: 'on-demand'}}),
		});
		expect(response.status).toBe(202);
		const {links} = (await response.json()) as {links: {watch: string}};
		const data = (await (await fetch(links.watch.replace('/w/', '/v1/watch/'))).json()) as {links: Record<string, unknown>};
		expect(data.links['captions.vtt']).toBeUndefined();
		const page = await browser.newPage({viewport: {width: 1280, height: 800}});
		try {
			await page.goto(links.watch);
			const captions = page.getByRole('button', {name: 'Captions', exact: true});
			await captions.waitFor({state: 'visible'});
			if ((await captions.getAttribute('aria-pressed')) !== 'true') await captions.click();
			await expect.poll(async () => (await page.locator('.bc-caption').textContent()) ?? '').toMatch(/Giulia Rossi|Aurora Mobile/);
		} finally {
			await page.close();
		}
	});

	it('keeps every control whole and apart in a narrow player, in every language', async () => {
		for (const bill of narrowBills) {
			const {links} = await postNarrow(bill);
			// Upright, the player takes the screen's width; 248 px is a portrait MP4 in a 1280×800 desktop page.
			const page = await browser.newPage({viewport: {width: 412, height: 844}});
			try {
				await page.goto(links.watch);
				// The voice, asked for in the set-up, may still be on its way; its button makes the bar its fullest.
				await page.locator('.bc-sound').waitFor({state: 'attached', timeout: 60_000});
				for (const width of [599, 540, 500, 460, 421, 420, 412, 390, 375, 371, 370, 360, 340, 320, 280, 248]) {
					// Tall enough that the upright picture, its caption band, the controls and the page's header fit at full width.
					await page.setViewportSize({width, height: 1300});
					await expect.poll(() => page.locator('.bc-controls').evaluate((bar) => Math.round(bar.getBoundingClientRect().width))).toBe(width);
					const controls = await page.locator('.bc-controls').evaluate((bar) => {
						const edge = bar.getBoundingClientRect();
						return [...bar.children]
							.filter((child) => child.getBoundingClientRect().width > 1)
							.map((child) => {
								const box = child.getBoundingClientRect();
								return {name: child.className, left: box.left - edge.left, right: box.right - edge.left, clipped: child.scrollWidth > child.clientWidth + 1};
							});
					});
					const where = `${bill.customer.locale} at ${width} px: ${JSON.stringify(controls)}`;
					expect(controls.map((control) => control.name).filter((name) => name !== 'bc-time'), where).toEqual(['bc-play', 'bc-seek', ...(width >= 280 ? ['bc-chapters'] : []), 'bc-cc', 'bc-sound', 'bc-fullscreen']);
					expect(controls.filter((control) => control.clipped || control.left < 0 || control.right > width), where).toEqual([]);
					for (const [before, after] of controls.slice(0, -1).map((control, index) => [control, controls[index + 1]!] as const)) {
						expect(after.left, where).toBeGreaterThanOrEqual(before.right);
					}
				}
				// Captions break lines between words, in Korean too (청구서를, not 청/구서를), as the video does; where a cue
				// wraps depends on its text and the width, so the rule is read instead of a wrap waited for.
				expect(await page.locator('.bc-root').evaluate((root) => getComputedStyle(root).wordBreak), bill.customer.locale).toBe(
					bill.customer.locale === 'ko-KR' ? 'keep-all' : 'normal',
				);
				await page.screenshot({path: join(shotsDir, `narrow-248-${bill.customer.locale}.png`)});
			} finally {
				await page.close();
			}
		}
	});

	it('the button is on screen on a phone and in full screen, and the keyboard reaches it', async () => {
		const phone = await browser.newPage({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
		try {
			await phone.goto(watch);
			const sound = phone.getByRole('button', {name: 'Turn sound on'});
			await sound.waitFor({state: 'visible'});
			const box = (await sound.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(390);
			await phone.screenshot({path: join(shotsDir, 'phone-muted.png')});
		} finally {
			await phone.close();
		}
		const page = await browser.newPage({viewport: {width: 1280, height: 800}});
		try {
			await page.goto(watch);
			await page.getByRole('button', {name: 'Full screen'}).click();
			await page.waitForFunction(() => document.fullscreenElement?.classList.contains('bc-root') ?? false);
			const sound = page.getByRole('button', {name: 'Turn sound on'});
			expect(await sound.isVisible()).toBe(true);
			await sound.focus();
			await page.keyboard.press('Enter');
			await expect.poll(() => page.locator('.bc-sound').textContent()).toBe('Turn sound off');
			await page.waitForFunction((css) => document.querySelector<HTMLMediaElement>(css)?.muted === false, MEDIA.live);
			await page.screenshot({path: join(shotsDir, 'fullscreen-sound-on.png')});
		} finally {
			await page.close();
		}
	});

	// Last: it pays the bill the other tests watch.
	it('goes on speaking when the phone turns, sound and captions as they were', async () => {
		const page = await browser.newPage({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
		try {
			await page.goto(watch);
			await page.locator('billcast-player .bc-root[data-state="playing"]').waitFor();
			await turnSoundOn(page, 'live');
			const captions = page.getByRole('button', {name: 'Captions', exact: true});
			await captions.click();
			const captionsPressed = await captions.getAttribute('aria-pressed');

			await page.setViewportSize({width: 844, height: 390});
			await expect
				.poll(() => page.locator('billcast-player .bc-root').evaluate((root: HTMLElement) => Number(root.style.getPropertyValue('--bc-ratio'))), {timeout: 10_000})
				.toBeCloseTo(1920 / 1080, 3);
			const before = (await mediaState(page, MEDIA.live))!;
			await expect.poll(async () => (await mediaState(page, MEDIA.live))?.time ?? 0, {timeout: 10_000}).toBeGreaterThan(before.time + 0.5);
			expect(await mediaState(page, MEDIA.live)).toMatchObject({muted: false, paused: false});
			expect(await page.getByRole('button', {name: 'Turn sound off'}).count()).toBe(1);
			expect(await captions.getAttribute('aria-pressed')).toBe(captionsPressed);
			expect(await page.locator('billcast-player .bc-root').getAttribute('data-state')).toBe('playing');
		} finally {
			await page.close();
		}
	});

	it('once the bill is paid, the voice leaves the pay button unsaid, live and in MP4 mode', async () => {
		const token = watch.split('/w/')[1]!;
		const paid = await fetch(`${stack.baseUrl}/v1/renders/${token.split('.')[0]}/payment`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify({amount: 6840, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z', reference: 'PSP-VOICE'}),
		});
		expect(paid.status).toBe(201);
		const data = (await (await fetch(`${stack.baseUrl}/v1/watch/${token}`)).json()) as RenderRequestInput & {narration: VideoNarration};
		const [button] = moneyAskSpeech({...data, format: 'landscape'});
		expect(button).toBeDefined();
		const captionAtButton: Partial<Record<'live' | 'mp4', string | null>> = {};
		// A paid bill's watch page plays live even when asked for MP4 mode; a page embedding the player in MP4 mode plays
		// the file made before the payment.
		const script = /<script nonce="[^"]+" src="([^"]+)"/.exec(await (await fetch(watch)).text())![1]!;
		for (const mode of ['live', 'mp4'] as const) {
			const page = await browser.newPage({viewport: {width: 1280, height: 800}});
			try {
				if (mode === 'live') await page.goto(`${watch}?player=mp4`);
				else {
					// A host page with storage (about:blank has none), on a loopback origin like the API's: Chromium keeps a public
					// origin from loading the player off 127.0.0.1.
					const host = `${stack.baseUrl}/embedding-site`;
					const body = `<!doctype html><html lang="en"><body><billcast-player mode="mp4" src="${stack.baseUrl}/v1/watch/${token}"></billcast-player><script src="${stack.baseUrl}${script}"></script></body></html>`;
					await page.route(host, (route) => route.fulfill({contentType: 'text/html', body}));
					await page.goto(host);
				}
				await turnSoundOn(page, mode);
				await seekPaused(page, Math.round((button!.from + button!.to) / 2));
				await page.waitForFunction((css) => document.querySelector<HTMLMediaElement>(css)?.muted === true, MEDIA[mode]);
				// Sound is still on: the rest of the voice is heard.
				expect(await page.getByRole('button', {name: 'Turn sound off'}).count()).toBe(1);
				await page.getByRole('button', {name: 'Captions', exact: true}).click();
				await page.locator('billcast-player .bc-band').waitFor({state: 'visible'});
				captionAtButton[mode] = await page.locator('billcast-player .bc-caption').textContent({timeout: 500}).catch(() => null);
				await seekPaused(page, 15);
				await page.waitForFunction((css) => document.querySelector<HTMLMediaElement>(css)?.muted === false, MEDIA[mode]);
			} finally {
				await page.close();
			}
		}
		// The MP4's captions file was written for the bill as sent: once paid, its cue there ("Due by …") is not shown,
		// and what is shown is what the live player, drawing the paid bill, shows.
		expect(captionAtButton.live).toBeTruthy();
		expect([null, captionAtButton.live]).toContain(captionAtButton.mp4);
	});
});
