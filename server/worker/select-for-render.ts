import type {HeadlessBrowser, renderFrames} from '@remotion/renderer';
import type {RenderInput} from '../../src/render-input';
import {chromeModeFor} from './browser';

type Composition = Parameters<typeof renderFrames>[0]['composition'];

/**
 * The composition of a render input, and the options every Remotion render call of it shares. The size and length come
 * from the same `src/` function the composition's calculateMetadata calls, so asking the bundle again (a page load per
 * render) would only measure the same thing twice; the quality test checks both agree.
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
