import {randomUUID} from 'node:crypto';
import {rename, rm} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {renderStill, type HeadlessBrowser} from '@remotion/renderer';
import type {RenderInput} from '../src/render-input';
import {selectForRender} from './select-for-render';

/** The timeline's poster frame as a JPEG, with the worker's open browser; written whole or not at all. */
export const renderPoster = async ({
	input,
	scale,
	serveUrl,
	browser,
	browserExecutable,
	outputFile,
}: {
	input: RenderInput;
	scale: number;
	serveUrl: string;
	browser: HeadlessBrowser;
	browserExecutable: string;
	outputFile: string;
}): Promise<void> => {
	const {common, composition} = await selectForRender({input, serveUrl, browser, browserExecutable});
	const partial = join(dirname(outputFile), `.partial-${randomUUID()}.jpg`);
	try {
		await renderStill({...common, composition, frame: input.timeline.posterFrame, output: partial, imageFormat: 'jpeg', jpegQuality: 85, scale});
		await rename(partial, outputFile);
	} finally {
		await rm(partial, {force: true});
	}
};
