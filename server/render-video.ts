import {randomUUID} from 'node:crypto';
import {mkdir, rename, rm, stat} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {renderMedia, type HeadlessBrowser} from '@remotion/renderer';
import type {RenderInput} from '../src/render-input';
import type {RenderOutput} from './render-record';
import {selectForRender} from './select-for-render';

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
	const {common, composition} = await selectForRender({input, serveUrl, browser, browserExecutable});
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
