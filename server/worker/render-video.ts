import {createHash} from 'node:crypto';
import {mkdir, rename, rm, stat} from 'node:fs/promises';
import {dirname} from 'node:path';
import {makeCancelSignal, renderFrames, type HeadlessBrowser} from '@remotion/renderer';
import {planFrames} from '../../src/frame-plan';
import type {RenderInput} from '../../src/render-input';
import type {SharedScene} from '../../src/shared-scenes';
import {startStreamEncoder} from './stream-encoder';
import {evenScaledSize} from './output-size';
import type {RenderOutput} from '../renders/render-record';
import type {SceneFrameCache} from './scene-frame-cache';
import {chromeModeFor} from './browser-executable';
import {partialFile, writeWhole} from '../storage/partial-files';
import {withRemotionPort} from './remotion-port';

type Composition = Parameters<typeof renderFrames>[0]['composition'];

/**
 * The composition of a render input, and the options every Remotion render call of it shares. The bundle draws the id
 * with the template's component (`componentOf` in compositions/registry.ts, then compositions/<template>/). The size and
 * length come from the same `src/` function the composition's calculateMetadata calls, so asking the bundle again (a
 * page load per render) would only measure the same thing twice; the quality test checks both agree.
 */
export const selectForRender = ({
	input,
	serveUrl,
	browser,
	browserExecutable,
}: {
	input: RenderInput;
	serveUrl: string;
	browser: HeadlessBrowser;
	browserExecutable: string;
}) => {
	const common = {
		serveUrl,
		inputProps: input.inputProps,
		puppeteerInstance: browser,
		browserExecutable,
		chromeMode: chromeModeFor(browserExecutable),
		logLevel: 'error' as const,
	};
	const composition: Composition = {
		id: input.compositionId,
		width: input.width,
		height: input.height,
		fps: input.fps,
		durationInFrames: input.durationInFrames,
		props: input.inputProps,
		defaultProps: input.inputProps,
		defaultCodec: null,
		defaultOutName: null,
		defaultVideoImageFormat: null,
		defaultPixelFormat: null,
		defaultProResProfile: null,
		defaultSampleRate: null,
	};
	return {common, composition};
};

/** Settings measured with `npm run bench` on two cores (see README, "Benchmark"). */
interface RenderTuning {
	/** Browser tabs drawing frames at once. */
	readonly concurrency: number;
	readonly jpegQuality: number;
	readonly crf: number;
	readonly x264Preset: 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium';
	/** x264 options on top of the preset. */
	readonly x264Params: string;
}

/**
 * The cheapest motion search loses nothing here: scenes move by fades and slides of flat shapes and text, and half the
 * frames repeat a hold (SSIM 0.999 against the preset's own search, 15 % less encoder time, a smaller file).
 */
const DEFAULT_TUNING: RenderTuning = {concurrency: 2, jpegQuality: 90, crf: 18, x264Preset: 'veryfast', x264Params: 'me=dia:subme=1:ref=1'};

export interface RenderVideoOptions {
	readonly input: RenderInput;
	readonly scale: number;
	readonly serveUrl: string;
	readonly browser: HeadlessBrowser;
	readonly browserExecutable: string;
	readonly outputFile: string;
	/** Where the timeline's poster frame is written as a JPEG, taken from the frames drawn for the video. */
	readonly posterFile: string;
	readonly onProgress: (progress: number) => void;
	readonly tuning?: RenderTuning;
	/** Scenes that look the same for other bills; with a cache, their frames are drawn once per worker and reused. */
	readonly sharedScenes?: readonly SharedScene[];
	readonly sceneCache?: SceneFrameCache;
	/** The mixed narration (AAC, the video's length) muxed into the MP4; without it the MP4 has no audio stream. */
	readonly audioFile?: string | undefined;
	/** Stops drawing and encoding at once, and writes no output: the render is someone else's now (a lost job lock). */
	readonly cancelWhen?: AbortSignal | undefined;
}

/** Share of the progress bar spent drawing frames; the encoder's tail after the last frame takes the rest. */
const DRAWING_SHARE = 0.9;

/**
 * Renders one bill to an MP4 and its poster. Frames inside the timeline's static holds look the same, so each hold is
 * drawn once and repeated by the encoder; shared scenes come from the cache when another bill drew them already. The
 * file is written under a temporary name and renamed into place, so a reader never sees half a file.
 */
export const renderVideo = async ({
	input,
	scale,
	serveUrl,
	browser,
	browserExecutable,
	outputFile,
	posterFile,
	onProgress,
	tuning = DEFAULT_TUNING,
	sharedScenes = [],
	sceneCache,
	audioFile,
	cancelWhen,
}: RenderVideoOptions): Promise<RenderOutput> => {
	const {common, composition} = selectForRender({input, serveUrl, browser, browserExecutable});
	const plan = planFrames(input.timeline);
	const posterSource = plan.sources[input.timeline.posterFrame]!;
	const scenes = sharedScenes.map((scene) => {
		const key = createHash('sha256').update(JSON.stringify([serveUrl, scale, tuning.jpegQuality, scene.key])).digest('hex');
		const frames = plan.frames.filter((frame) => frame >= scene.from && frame < scene.from + scene.durationInFrames);
		const cached = sceneCache?.get(key);
		const hit = cached !== undefined && frames.every((frame) => cached.has(frame - scene.from));
		return {scene, key, frames, cached: hit ? cached : undefined, drawn: new Map<number, Buffer>()};
	});
	const reused = new Map(scenes.flatMap(({scene, frames, cached}) => (cached ? frames.map((frame) => [frame, cached.get(frame - scene.from)!] as const) : [])));
	const toDraw = plan.frames.filter((frame) => !reused.has(frame));
	const videoSize = evenScaledSize(composition, scale);
	await mkdir(dirname(outputFile), {recursive: true});
	const partial = partialFile(dirname(outputFile), '.mp4');
	const encoder = startStreamEncoder({
		sources: plan.sources,
		fps: composition.fps,
		size: videoSize,
		outputFile: partial,
		crf: tuning.crf,
		x264Preset: tuning.x264Preset,
		x264Params: tuning.x264Params,
		audioFile,
	});
	const cancel = makeCancelSignal();
	const stopDrawing = () => cancel.cancel();
	cancelWhen?.addEventListener('abort', stopDrawing, {once: true});
	let poster = reused.get(posterSource);
	let assetDir: string | undefined;
	try {
		cancelWhen?.throwIfAborted();
		for (const [frame, buffer] of reused) await encoder.addFrame(buffer, frame);
		const {assetsInfo} = await withRemotionPort((port) => renderFrames({
			...common,
			port,
			composition,
			frames: toDraw,
			cancelSignal: cancel.cancelSignal,
			onFrameBuffer: (buffer, frame) => {
				if (frame === posterSource) poster = buffer;
				scenes.find(({cached, frames}) => !cached && frames.includes(frame))?.drawn.set(frame, buffer);
				return encoder.addFrame(buffer, frame);
			},
			outputDir: null,
			imageFormat: 'jpeg',
			jpegQuality: tuning.jpegQuality,
			concurrency: tuning.concurrency,
			scale,
			onStart: () => undefined,
			onFrameUpdate: (drawn) => onProgress((drawn / toDraw.length) * DRAWING_SHARE),
		}));
		assetDir = assetsInfo.downloadMap.assetDir;
		await encoder.finish();
		cancelWhen?.throwIfAborted();
		await rename(partial, outputFile);
		await writeWhole(posterFile, poster!);
		for (const {scene, key, cached, drawn} of scenes) {
			if (!cached) sceneCache?.set(key, new Map([...drawn].map(([frame, buffer]) => [frame - scene.from, buffer])));
		}
		onProgress(1);
	} catch (error) {
		encoder.abort();
		throw error;
	} finally {
		cancelWhen?.removeEventListener('abort', stopDrawing);
		await Promise.all([partial, assetDir].map((path) => path && rm(path, {recursive: true, force: true})));
	}
	const {size} = await stat(outputFile);
	return {
		durationInSeconds: composition.durationInFrames / composition.fps,
		frames: composition.durationInFrames,
		fps: composition.fps,
		...videoSize,
		bytes: size,
	};
};
