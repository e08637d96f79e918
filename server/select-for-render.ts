import {selectComposition, type HeadlessBrowser} from '@remotion/renderer';
import type {RenderInput} from '../src/render-input';
import {chromeModeFor} from './browser';

/** The composition of a render input, and the options every Remotion render call of it shares. */
export const selectForRender = async ({
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
	const composition = await selectComposition({...common, id: input.compositionId});
	return {common, composition};
};
