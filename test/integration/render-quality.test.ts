import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openBrowser, renderMedia, selectComposition, type HeadlessBrowser} from '@remotion/renderer';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {computeRenderInput, type RenderRequestInput} from '../../src/render-input';
import {sharedScenesOf} from '../../src/shared-scenes';
import {chromeModeFor, resolveBrowserExecutable} from '../../server/worker/browser-executable';
import {compositorBinary} from '../../server/worker/compositor-binaries';
import {renderVideo} from '../../server/worker/render-video';
import {makeSceneFrameCache} from '../../server/worker/scene-frame-cache';
import {withRemotionPort} from '../../server/worker/remotion-port';
import {shortBill} from '../helpers/short-bill';
import {greyFrames, ssim} from '../helpers/ssim';

const SCALE = 0.25;
const browserExecutable = resolveBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE)!;
let browser: HeadlessBrowser;
let dir: string;

beforeAll(async () => {
	browser = await openBrowser('chrome', {browserExecutable, chromeMode: chromeModeFor(browserExecutable), logLevel: 'error'});
	dir = await mkdtemp(join(tmpdir(), 'billcast-quality-'));
});
afterAll(async () => {
	await browser?.close({silent: true});
	await rm(dir, {recursive: true, force: true});
});

const countFrames = (file: string) =>
	execFileSync(compositorBinary('ffprobe'), ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries',
		'stream=nb_read_frames:format=duration', '-of', 'json', file], {encoding: 'utf8'});

describe('the optimised renderer', () => {
	it('shows the customer the same video as a plain renderMedia, with shared scenes drawn for another customer', async () => {
		const serveUrl = inject('serveUrl');
		const sceneCache = makeSceneFrameCache({maxBytes: 16 * 1024 * 1024});
		const render = async (request: RenderRequestInput, name: string, onProgress: (p: number) => void = () => undefined) => {
			const input = computeRenderInput(request);
			await renderVideo({input, scale: SCALE, serveUrl, browser, browserExecutable, outputFile: join(dir, `${name}.mp4`),
				posterFile: join(dir, `${name}.jpg`), onProgress, sharedScenes: sharedScenesOf({request, timeline: input.timeline}), sceneCache});
			return input;
		};
		const otherCustomer = {...shortBill, customer: {...shortBill.customer, id: 'CUST-OTHER', name: 'Grace Hopper'}, amountDue: 1234};
		await render({template: 'telco-bill', bill: otherCustomer, format: 'landscape'}, 'other');
		const progress: number[] = [];
		const input = await render({template: 'telco-bill', bill: shortBill, format: 'landscape'}, 'fast', (p) => progress.push(p));
		const fast = join(dir, 'fast.mp4');
		const plain = join(dir, 'plain.mp4');
		const composition = await withRemotionPort((port) => selectComposition({port, serveUrl, id: input.compositionId, inputProps: input.inputProps, puppeteerInstance: browser, logLevel: 'error'}));
		await withRemotionPort((port) => renderMedia({port, composition, serveUrl, inputProps: input.inputProps, codec: 'h264', outputLocation: plain, scale: SCALE, puppeteerInstance: browser, logLevel: 'error'}));

		expect(progress.at(-1)).toBe(1);
		expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);

		const fastProbe = JSON.parse(countFrames(fast));
		const plainProbe = JSON.parse(countFrames(plain));
		expect(Number(fastProbe.streams[0].nb_read_frames)).toBe(input.durationInFrames);
		expect(fastProbe.streams[0].nb_read_frames).toBe(plainProbe.streams[0].nb_read_frames);
		expect(Math.abs(Number(fastProbe.format.duration) - Number(plainProbe.format.duration))).toBeLessThan(1 / input.fps);

		// -count_frames decodes every frame; Remotion's ffmpeg has no null muxer, so ffprobe is the full decode check.
		const decode = spawnSync(compositorBinary('ffprobe'), ['-v', 'error', '-count_frames', '-show_entries', 'stream=nb_read_frames', fast], {encoding: 'utf8'});
		expect(decode.status).toBe(0);
		expect(decode.stderr).toBe('');

		const width = input.width * SCALE;
		const height = input.height * SCALE;
		const close = input.timeline.scenes.find((scene) => scene.id === 'close')!;
		const sampled = [
			...Array.from({length: 10}, (_, i) => Math.floor((i * (input.durationInFrames - 1)) / 9)),
			// The close scene came from the other customer's render: its entrance, hold and fade must still match.
			close.from + 3,
			close.from + Math.floor(close.durationInFrames / 2),
			close.from + close.durationInFrames - 4,
		];
		const a = greyFrames(fast, sampled, width, height);
		const b = greyFrames(plain, sampled, width, height);
		const scores = sampled.map((_, i) => ssim(a[i]!, b[i]!, width, height));
		expect(Math.min(...scores)).toBeGreaterThanOrEqual(0.98);
	});
});
