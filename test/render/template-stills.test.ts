import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {openBrowser, renderFrames, renderStill, type HeadlessBrowser} from '@remotion/renderer';
import {fixtureLocales} from '../../src/fixtures/locales';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {videoFormats} from '../../src/formats';
import {computeRenderInput, type RenderRequestInput} from '../../src/render-input';
import {sharedScenesOf} from '../../src/shared-scenes';
import type {TemplateBill} from '../../src/templates/registry';
import {chromeModeFor, resolveBrowserExecutable} from '../../server/worker/browser-executable';
import {selectForRender} from '../../server/worker/render-video';
import {withRemotionPort} from '../../server/worker/remotion-port';
import {greyDeviation, pngSize, yellowPixelCount} from '../helpers/image-stats';

const SCALE = 0.25;
const browserExecutable = resolveBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE)!;
const chromeMode = chromeModeFor(browserExecutable);
let browser: HeadlessBrowser;
const serveUrl = inject('serveUrl');

beforeAll(async () => {
	browser = await openBrowser('chrome', {browserExecutable, chromeMode, logLevel: 'error'});
});
afterAll(async () => {
	await browser?.close({silent: true});
});

/** The composition as the worker has it, without a page load to ask the bundle (render-quality checks both agree). */
const still = async (input: RenderRequestInput, frame: number): Promise<Buffer> => {
	const {common, composition} = selectForRender({input: computeRenderInput(input), serveUrl, browser, browserExecutable});
	const {buffer} = await withRemotionPort((port) => renderStill({...common, port, composition, frame, scale: SCALE, imageFormat: 'png'}));
	return buffer!;
};

/**
 * Several frames of one composition as PNGs, drawn as the worker draws a video's (one page load for all of them, not
 * one each): a still's page load costs as much as a dozen frames.
 */
const stills = async (input: RenderRequestInput, frames: readonly number[]): Promise<ReadonlyMap<number, Buffer>> => {
	const {common, composition} = selectForRender({input: computeRenderInput(input), serveUrl, browser, browserExecutable});
	const drawn = new Map<number, Buffer>();
	await withRemotionPort((port) =>
		renderFrames({
			...common,
			port,
			composition,
			frames: [...new Set(frames)],
			outputDir: null,
			imageFormat: 'png',
			concurrency: 2,
			scale: SCALE,
			onStart: () => undefined,
			onFrameUpdate: () => undefined,
			onFrameBuffer: (buffer, frame) => {
				drawn.set(frame, buffer);
			},
		}),
	);
	return drawn;
};

const byLocale = fixtureLocales.flatMap((locale): Array<{name: string; input: TemplateBill}> => [
	{name: `telco-bill ${locale}`, input: {template: 'telco-bill', bill: telcoFixtures[locale]}},
	{name: `utility-bill ${locale}`, input: {template: 'utility-bill', bill: utilityFixtures[locale]}},
	{name: `payment-reminder ${locale}`, input: {template: 'payment-reminder', bill: reminderFixtures[locale]}},
]);

// Concurrent: each still loads a page of its own, and its waits leave the other core to the next.
describe.concurrent('a poster still of every template in every format and locale', () => {
	describe.each(byLocale)('$name', ({input}) => {
		it.for(videoFormats)('%s', async (format, {expect}) => {
			const {timeline, width, height} = computeRenderInput({...input, format});
			const png = await still({...input, format}, timeline.posterFrame);
			expect(pngSize(png)).toEqual({width: Math.round(width * SCALE), height: Math.round(height * SCALE)});
			expect(greyDeviation(png)).toBeGreaterThan(8);
		});
	});
});

it('the blank check can fail: the first frame, faded to the bare background, is flat', async () => {
	const png = await still({...byLocale[0]!.input, format: 'landscape'} as RenderRequestInput, 0);
	expect(greyDeviation(png)).toBeLessThan(8);
});

describe('static holds are really still', () => {
	it.each(['telco-bill', 'utility-bill', 'payment-reminder'] as const)('%s: first and last frame of every hold are identical', async (template) => {
		const input = byLocale.find((entry) => entry.input.template === template)!.input;
		const {timeline} = computeRenderInput({...input, format: 'square'});
		const lastOf = (hold: (typeof timeline.staticHolds)[number]) => hold.from + hold.durationInFrames - 1;
		const drawn = await stills({...input, format: 'square'}, timeline.staticHolds.flatMap((hold) => [hold.from, lastOf(hold)]));
		for (const hold of timeline.staticHolds) {
			const [first, last] = [drawn.get(hold.from)!, drawn.get(lastOf(hold))!];
			expect(first.equals(last), `hold at frame ${hold.from}`).toBe(true);
		}
	});
});

describe('shared scenes show nothing of the customer', () => {
	it.each(['telco-bill', 'utility-bill', 'payment-reminder'] as const)('%s: two customers with one key draw the same close', async (template) => {
		const input = byLocale.find((entry) => entry.input.template === template)!.input;
		const other = {...input, bill: {...input.bill, customer: {...input.bill.customer, id: 'OTHER-1', name: 'Grace Hopper'}}} as TemplateBill;
		const requests = [input, other].map((entry) => ({...entry, format: 'square'}) as RenderRequestInput);
		const [mine, theirs] = requests.map((request) => sharedScenesOf({request, timeline: computeRenderInput(request).timeline}));
		expect(theirs!.map((scene) => scene.key)).toEqual(mine!.map((scene) => scene.key));
		const {timeline} = computeRenderInput(requests[0]!);
		const sceneFrames = mine!.map((scene) => ({scene, frames: [scene.from + 2, scene.from + Math.floor(scene.durationInFrames / 2), scene.from + scene.durationInFrames - 3]}));
		const greeting = timeline.staticHolds[0]!.from;
		const [ours, others] = await Promise.all(requests.map((request) => stills(request, [...sceneFrames.flatMap(({frames}) => frames), greeting])));
		for (const {scene, frames} of sceneFrames) {
			for (const frame of frames) expect(ours!.get(frame)!.equals(others!.get(frame)!), `${scene.id} frame ${frame}`).toBe(true);
		}
		// The same comparison tells the customers apart where the video greets them.
		expect(ours!.get(greeting)!.equals(others!.get(greeting)!)).toBe(false);
	});
});

it("draws a customer's emoji in colour, as their phone does, not in DejaVu's monochrome face", async () => {
	const input = byLocale[0]!.input as RenderRequestInput & {template: 'telco-bill'};
	const named = (name: string) => ({...input, format: 'landscape', bill: {...input.bill, customer: {...input.bill.customer, name}}}) as RenderRequestInput;
	const greeting = computeRenderInput(named('Zoë')).timeline.staticHolds[0]!.from;
	const [plain, smiling] = await Promise.all([named('Zoë'), named('Zoë 😀')].map(async (request) => yellowPixelCount(await still(request, greeting))));
	expect(smiling! - plain!).toBeGreaterThan(20);
});
