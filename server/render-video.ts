import {randomUUID} from 'node:crypto';
import {mkdir, rename, rm, stat} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {renderMedia, selectComposition, type HeadlessBrowser} from '@remotion/renderer';
import type {RenderInput} from '../src/render-input';
import {chromeModeFor} from './browser';
import type {RenderOutput} from './render-record';

export interface RenderVideoOptions {
	readonly input: RenderInput;
	readonly scale: number;
	readonly serveUrl: string;
	readonly browser: HeadlessBrowser;
	readonly browserExecutable: string;
	readonly outputFile: string;
	readonly onProgress: (progress: number) => void;
}

/** Renders one bill to an MP4, written to a temporary file and renamed into place so a reader never sees half a file. */
export const renderVideo = async ({
	input,
	scale,
	serveUrl,
	browser,
	browserExecutable,
	outputFile,
	onProgress,
}: RenderVideoOptions): Promise<RenderOutput> => {
	const common = {
		serveUrl,
		inputProps: input.inputProps,
		puppeteerInstance: browser,
		browserExecutable,
		chromeMode: chromeModeFor(browserExecutable),
		logLevel: 'error' as const,
	};
	const composition = await selectComposition({...common, id: input.compositionId});
	await mkdir(dirname(outputFile), {recursive: true});
	const partial = join(dirname(outputFile), `.partial-${randomUUID()}.mp4`);
	try {
		await renderMedia({
			...common,
			composition,
			codec: 'h264',
			outputLocation: partial,
			scale,
			onProgress: ({progress}) => onProgress(progress),
		});
		await rename(partial, outputFile);
	} finally {
		await rm(partial, {force: true});
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
