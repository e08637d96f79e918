import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openBrowser, renderMedia, selectComposition, type HeadlessBrowser} from '@remotion/renderer';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {computeRenderInput} from '../../src/render-input';
import {chromeModeFor, resolveBrowserExecutable} from '../../server/browser';
import {compositorBinary} from '../../server/compositor-binaries';
import {renderVideo} from '../../server/render-video';
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
	it('shows the customer the same video as a plain renderMedia', async () => {
		const serveUrl = inject('serveUrl');
		const input = computeRenderInput({template: 'telco-bill', bill: shortBill, format: 'landscape'});
		const fast = join(dir, 'fast.mp4');
		const plain = join(dir, 'plain.mp4');
		const progress: number[] = [];
		await renderVideo({input, scale: SCALE, serveUrl, browser, browserExecutable, outputFile: fast, onProgress: (p) => progress.push(p)});
		const composition = await selectComposition({serveUrl, id: input.compositionId, inputProps: input.inputProps, puppeteerInstance: browser, logLevel: 'error'});
		await renderMedia({composition, serveUrl, inputProps: input.inputProps, codec: 'h264', outputLocation: plain, scale: SCALE, puppeteerInstance: browser, logLevel: 'error'});

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
		const sampled = Array.from({length: 10}, (_, i) => Math.floor((i * (input.durationInFrames - 1)) / 9));
		const a = greyFrames(fast, sampled, width, height);
		const b = greyFrames(plain, sampled, width, height);
		const scores = sampled.map((_, i) => ssim(a[i]!, b[i]!, width, height));
		expect(Math.min(...scores)).toBeGreaterThanOrEqual(0.98);
	});
});
