import {randomUUID} from 'node:crypto';
import {mkdir, mkdtemp, rename, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {basename, dirname, join} from 'node:path';
import {renderFrames, type HeadlessBrowser} from '@remotion/renderer';
import {planFrames} from '../src/frame-plan';
import type {RenderInput} from '../src/render-input';
import {encodeFrames} from './encode-frames';
import type {RenderOutput} from './render-record';
import {selectForRender} from './select-for-render';

/** Settings measured with `npm run bench` on two cores (see README, "Benchmark"). */
export interface RenderTuning {
	/** Browser tabs drawing frames at once. */
	readonly concurrency: number;
	readonly jpegQuality: number;
	readonly crf: number;
	readonly x264Preset: 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium';
}

export const DEFAULT_TUNING: RenderTuning = {concurrency: 2, jpegQuality: 90, crf: 18, x264Preset: 'veryfast'};

export interface RenderVideoOptions {
	readonly input: RenderInput;
	readonly scale: number;
	readonly serveUrl: string;
	readonly browser: HeadlessBrowser;
	readonly browserExecutable: string;
	readonly outputFile: string;
	readonly onProgress: (progress: number) => void;
	readonly tuning?: RenderTuning;
}

/** Share of the progress bar spent drawing frames; encoding takes the rest. */
const DRAWING_SHARE = 0.9;

/**
 * Renders one bill to an MP4. Frames inside the timeline's static holds look the same, so each hold is drawn once and
 * repeated by the encoder. The file is written under a temporary name and renamed into place, so a reader never sees
 * half a file.
 */
export const renderVideo = async ({
	input,
	scale,
	serveUrl,
	browser,
	browserExecutable,
	outputFile,
	onProgress,
	tuning = DEFAULT_TUNING,
}: RenderVideoOptions): Promise<RenderOutput> => {
	const {common, composition} = await selectForRender({input, serveUrl, browser, browserExecutable});
	const plan = planFrames(input.timeline);
	await mkdir(dirname(outputFile), {recursive: true});
	const framesDir = await mkdtemp(join(tmpdir(), 'billcast-frames-'));
	const partial = join(dirname(outputFile), `.partial-${randomUUID()}.mp4`);
	let assetDir: string | undefined;
	try {
		const {assetsInfo} = await renderFrames({
			...common,
			composition,
			frames: [...plan.frames],
			outputDir: framesDir,
			imageFormat: 'jpeg',
			jpegQuality: tuning.jpegQuality,
			concurrency: tuning.concurrency,
			scale,
			onStart: () => undefined,
			onFrameUpdate: (drawn) => onProgress((drawn / plan.frames.length) * DRAWING_SHARE),
		});
		assetDir = assetsInfo.downloadMap.assetDir;
		const pattern = basename(assetsInfo.imageSequenceName);
		await encodeFrames({
			framesDir,
			framePattern: (frame) => pattern.replace(/%0(\d+)d/, (_, digits: string) => String(frame).padStart(Number(digits), '0')),
			sources: plan.sources,
			fps: composition.fps,
			outputFile: partial,
			crf: tuning.crf,
			x264Preset: tuning.x264Preset,
		});
		await rename(partial, outputFile);
		onProgress(1);
	} finally {
		await Promise.all([partial, framesDir, assetDir].map((path) => path && rm(path, {recursive: true, force: true})));
	}
	const {size} = await stat(outputFile);
	return {
		durationInSeconds: composition.durationInFrames / composition.fps,
		frames: composition.durationInFrames,
		fps: composition.fps,
		width: Math.round(composition.width * scale),
		height: Math.round(composition.height * scale),
		bytes: size,
	};
};
