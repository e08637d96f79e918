import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {launchChromium} from '../helpers/browser';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
let browser: Browser;
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await stack?.close();
});

describe('the API docs page', () => {
	it("opens from the server's address and fits a phone: the longest path breaks at a slash, not off the screen", async () => {
		const page = await browser.newPage({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
		try {
			await page.goto(stack.baseUrl);
			expect(new URL(page.url()).pathname).toBe('/docs');
			const heading = page.getByRole('heading', {name: 'GET /v1/watch/{token}/formats/{format}/{file}'});
			expect((await heading.boundingBox())!.height).toBeGreaterThan(40);
			// A phone lays out a page wider than its screen and zooms out, so the window's width shows the overflow.
			expect(await page.evaluate(() => [window.innerWidth, document.documentElement.scrollWidth])).toEqual([390, 390]);
		} finally {
			await page.close();
		}
	});
});
