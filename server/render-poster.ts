import {randomUUID} from 'node:crypto';
import {rename, rm} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {renderStill, selectComposition, type HeadlessBrowser} from '@remotion/renderer';
import type {RenderInput} from '../src/render-input';
import {chromeModeFor} from './browser';

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
	const common = {
		serveUrl,
		inputProps: input.inputProps,
		puppeteerInstance: browser,
		browserExecutable,
		chromeMode: chromeModeFor(browserExecutable),
		logLevel: 'error' as const,
	};
	const composition = await selectComposition({...common, id: input.compositionId});
	const partial = join(dirname(outputFile), `.partial-${randomUUID()}.jpg`);
	try {
		await renderStill({...common, composition, frame: input.timeline.posterFrame, output: partial, imageFormat: 'jpeg', jpegQuality: 85, scale});
		await rename(partial, outputFile);
	} finally {
		await rm(partial, {force: true});
	}
};
