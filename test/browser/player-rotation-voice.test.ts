import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {launchChromium} from '../helpers/browser';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
let browser: Browser;
let watch: string;

beforeAll(async () => {
	// Before the worker, as in voice-player.test.ts: its tidy between renders would close a browser started after it.
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
		body: JSON.stringify({template: 'telco-bill', bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: 'ROTATE-VOICE'}}, scale: 0.25}),
	});
	expect(response.status).toBe(202);
	const {id, links} = (await response.json()) as {id: string; links: {watch: string}};
	expect((await waitForRender(stack, id)).status).toBe('completed');
	watch = links.watch;
});
afterAll(async () => {
	await browser?.close();
	await stack?.close();
});

const NARRATION = 'billcast-player audio[src*="narration.m4a"]';

const narration = (page: Page) =>
	page.evaluate((css) => {
		const media = document.querySelector<HTMLMediaElement>(css);
		return media ? {muted: media.muted, paused: media.paused, time: media.currentTime} : undefined;
	}, NARRATION);

describe('a phone turned while the video speaks', () => {
	it('goes on speaking, sound and captions as they were', async () => {
		const page = await browser.newPage({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
		try {
			await page.goto(watch);
			await page.locator('billcast-player .bc-root[data-state="playing"]').waitFor();
			const sound = page.getByRole('button', {name: 'Sound on'});
			await sound.click();
			await expect.poll(async () => (await narration(page))?.muted, {timeout: 10_000}).toBe(false);
			const captions = page.getByRole('button', {name: 'Captions', exact: true});
			await captions.click();
			const captionsPressed = await captions.getAttribute('aria-pressed');

			await page.setViewportSize({width: 844, height: 390});
			await expect
				.poll(() => page.locator('billcast-player .bc-root').evaluate((root: HTMLElement) => Number(root.style.getPropertyValue('--bc-ratio'))), {timeout: 10_000})
				.toBeCloseTo(1920 / 1080, 3);
			const before = (await narration(page))!;
			await expect.poll(async () => (await narration(page))?.time ?? 0, {timeout: 10_000}).toBeGreaterThan(before.time + 0.5);
			expect(await narration(page)).toMatchObject({muted: false, paused: false});
			expect(await sound.getAttribute('aria-pressed')).toBe('true');
			expect(await captions.getAttribute('aria-pressed')).toBe(captionsPressed);
			expect(await page.locator('billcast-player .bc-root').getAttribute('data-state')).toBe('playing');
		} finally {
			await page.close();
		}
	});
});
