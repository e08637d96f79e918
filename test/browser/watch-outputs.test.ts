import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {ARTIFACT_TYPES, artifactKey} from '../../server/renders/render-paths';
import {compositorBinary} from '../../server/worker/compositor-binaries';
import {shotsDir, submitTelcoBill, useWatchStack} from '../helpers/browser-stack';

const watchStack = useWatchStack();

/** A one-second MP4 Chromium plays, from a still (Remotion's ffmpeg reads images, not generated sources). */
const tinyMp4 = (png: Buffer): Buffer =>
	execFileSync(
		compositorBinary('ffmpeg'),
		['-loglevel', 'error', '-f', 'image2pipe', '-c:v', 'png', '-framerate', '10', '-i', '-', '-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', 'frag_keyframe+empty_moov', '-f', 'mp4', '-'],
		{input: png},
	);

describe("a paid bill's video link in Chromium", () => {
	it('opens the watch page, paid, when tapped, and still plays in a <video> on a host page', async () => {
		const {stack, browser} = watchStack;
		const page = await browser.newPage({viewport: {width: 64, height: 64}});
		try {
			await page.setContent('<body style="margin:0;background:#c00"></body>');
			const video = tinyMp4(await page.screenshot());

			const bill = {...sampleTelcoBill, billNumber: 'INV-OUTPUTS-BROWSER', customer: {...sampleTelcoBill.customer, id: 'OUTPUTS-BROWSER'}};
			const {id, links} = await submitTelcoBill(stack, bill);
			await stack.store.markCompleted(id, {durationInSeconds: 1, frames: 10, fps: 10, width: 64, height: 64, bytes: video.length});
			await stack.storage.put(artifactKey(id, 'video'), video, ARTIFACT_TYPES.video);
			const paid = await fetch(`${stack.baseUrl}/v1/renders/${id}/payment`, {
				method: 'POST',
				headers: {'content-type': 'application/json', ...stack.auth},
				body: JSON.stringify({amount: 6840, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z', reference: 'PSP-OUTPUTS-BROWSER'}),
			});
			expect(paid.status).toBe(201);
			const token = links.watch.split('/w/')[1]!;
			const link = `${stack.baseUrl}/v1/watch/${token}/video.mp4`;

			// The link from the SMS, tapped: Chromium's own navigation headers decide it.
			await page.setViewportSize({width: 1280, height: 720});
			await page.goto(link);
			expect(new URL(page.url()).pathname).toBe(`/w/${token}`);
			await expect.poll(() => page.locator('[data-billcast-paid]').first().textContent()).toMatch(/We received €68\.40 on 20\u00a0November\u00a02026/);
			await page.screenshot({path: join(shotsDir, 'paid-video-link.png')});

			// The same address in a <video> on a host page, as an embed has it: Chromium's media requests still get the MP4.
			const host = await browser.newPage();
			try {
				await host.setContent(`<video src="${link}" preload="auto" muted></video>`);
				await expect.poll(() => host.locator('video').evaluate((element: HTMLVideoElement) => [element.readyState >= 1, element.error?.code ?? null])).toEqual([true, null]);
				expect(await host.locator('video').evaluate((element: HTMLVideoElement) => [element.videoWidth, element.videoHeight])).toEqual([64, 64]);
			} finally {
				await host.close();
			}
		} finally {
			await page.close();
		}
	});
});
