import {join} from 'node:path';
import {text} from 'node:stream/consumers';
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {artifactKey} from '../../server/renders/render-paths';
import {signWatchToken} from '../../server/watch/watch-token';
import {computeRenderInput} from '../../src/render-input';
import {parseVtt} from '../../public/src/vtt';
import {launchChromium} from '../helpers/browser';
import {shotsDir} from '../helpers/browser-stack';
import {seekPaused} from '../helpers/seek-paused';
import {startS3RenderedStack} from '../helpers/s3-render';
import {getLikeALink} from '../helpers/s3-server';
import {shortBill} from '../helpers/short-bill';
import type {TestStack} from '../helpers/test-stack';

/**
 * The default S3 set-up, a bucket with no CORS rules (s3rver's, like a new AWS bucket) served in redirect mode, opened
 * in MP4 mode by a real Chromium: the player's fetch() of the hotspots and captions and its <video crossorigin> must
 * not be sent to the bucket, which would refuse them to the page.
 */
describe('the watch page in MP4 mode with S3 in redirect mode', () => {
	let stack: TestStack;
	let browser: Browser;
	let renderId: string;
	const s3 = inject('s3');

	beforeAll(async () => {
		({stack, renderId} = await startS3RenderedStack({name: 'watch', serve: 'redirect'}));
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await stack?.close();
	});

	const token = () => signWatchToken({secret: stack.watchSecret, renderId, ttlDays: 1, now: new Date()});

	it('plays the MP4 with its hotspots and shows the captions file', async () => {
		const [cue] = parseVtt(await text((await stack.storage.read(artifactKey(renderId, 'captions')))!));
		const {timeline} = computeRenderInput({template: 'telco-bill', bill: shortBill, format: 'landscape'});
		const page = await browser.newPage({viewport: {width: 1280, height: 800}});
		try {
			await page.goto(`${stack.baseUrl}/w/${token()}?player=mp4`);
			const video = page.locator('billcast-player video');
			await video.waitFor();
			await page.waitForFunction(() => (document.querySelector('billcast-player video') as HTMLVideoElement | null)?.readyState! >= 2);
			expect(await page.locator('.bc-error').count()).toBe(0);
			// The hotspots came from hotspots.json: the paid bill's one button is over the video in its scene.
			const [hotspot] = timeline.hotspots;
			await seekPaused(page, hotspot!.from + 15);
			await page.locator(`[data-hotspot="${hotspot!.id}"]`).waitFor();
			// The captions band reads captions.vtt: its first cue, in the middle of its time.
			await page.getByRole('button', {name: 'Captions', exact: true}).click();
			await seekPaused(page, Math.round(((cue!.start + cue!.end) / 2) * timeline.fps));
			await expect.poll(() => page.locator('.bc-caption').textContent()).toBe(cue!.text);
			await page.screenshot({path: join(shotsDir, 's3-redirect-mp4-mode.png')});
		} finally {
			await page.close();
		}
	});

	it('still redirects what a browser follows without CORS: a link opened from a message, an <img>', async () => {
		const base = `${stack.baseUrl}/v1/watch/${token()}`;
		for (const file of ['video.mp4', 'poster.jpg']) {
			const opened = await getLikeALink(`${base}/${file}`);
			expect(opened.status).toBe(302);
			expect(new URL(opened.headers.location!).origin).toBe(s3.endpoint);
		}
		// The player's own files, whoever asks: the bytes, through the API.
		for (const file of ['hotspots.json', 'captions.vtt']) expect((await getLikeALink(`${base}/${file}`)).status).toBe(200);
		// A cross-origin page's <video crossorigin> or fetch() sends Origin: the bytes too.
		expect((await getLikeALink(`${base}/video.mp4`, {origin: 'https://shop.example', range: 'bytes=0-99'})).status).toBe(206);
	});
});
