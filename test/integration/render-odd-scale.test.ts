import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openBrowser, type HeadlessBrowser} from '@remotion/renderer';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {computeRenderInput} from '../../src/render-input';
import {chromeModeFor, resolveBrowserExecutable} from '../../server/worker/browser-executable';
import {renderVideo} from '../../server/worker/render-video';
import {ffprobe} from '../helpers/ffprobe';
import {shortBill} from '../helpers/short-bill';

const browserExecutable = resolveBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE)!;
let browser: HeadlessBrowser;
let dir: string;

beforeAll(async () => {
	browser = await openBrowser('chrome', {browserExecutable, chromeMode: chromeModeFor(browserExecutable), logLevel: 'error'});
	dir = await mkdtemp(join(tmpdir(), 'billcast-odd-scale-'));
});
afterAll(async () => {
	await browser?.close({silent: true});
	await rm(dir, {recursive: true, force: true});
});

describe('a scale whose frame has odd sides', () => {
	// 1280×720 at 0.11 draws 141×79: libx264 refused it ("Could not open encoder") and the render failed three times.
	it('renders an MP4 with even sides, the size the render reports', async () => {
		const input = computeRenderInput({template: 'telco-bill', bill: shortBill, format: 'landscape'});
		const outputFile = join(dir, 'odd.mp4');
		const output = await renderVideo({input, scale: 0.11, serveUrl: inject('serveUrl'), browser, browserExecutable, outputFile,
			posterFile: join(dir, 'odd.jpg'), onProgress: () => undefined});
		const video = ffprobe(outputFile).streams.find((stream) => stream.codec_type === 'video')!;
		expect({width: video.width, height: video.height}).toEqual({width: 140, height: 78});
		expect({width: output.width, height: output.height}).toEqual({width: 140, height: 78});
	});
});
