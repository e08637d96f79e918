import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {openBrowser, renderStill, type HeadlessBrowser} from '@remotion/renderer';
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

const byLocale = fixtureLocales.flatMap((locale): Array<{name: string; input: TemplateBill}> => [
	{name: `telco-bill ${locale}`, input: {template: 'telco-bill', bill: telcoFixtures[locale]}},
	{name: `utility-bill ${locale}`, input: {template: 'utility-bill', bill: utilityFixtures[locale]}},
	{name: `payment-reminder ${locale}`, input: {template: 'payment-reminder', bill: reminderFixtures[locale]}},
]);

describe('a poster still of every template in every format and locale', () => {
	describe.each(byLocale)('$name', ({input}) => {
		it.each(videoFormats)('%s', async (format) => {
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
		for (const hold of timeline.staticHolds) {
			const first = await still({...input, format: 'square'}, hold.from);
			const last = await still({...input, format: 'square'}, hold.from + hold.durationInFrames - 1);
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
		for (const scene of mine!) {
			for (const frame of [scene.from + 2, scene.from + Math.floor(scene.durationInFrames / 2), scene.from + scene.durationInFrames - 3]) {
				const [a, b] = await Promise.all(requests.map((request) => still(request, frame)));
				expect(a!.equals(b!), `${scene.id} frame ${frame}`).toBe(true);
			}
		}
		// The same comparison tells the customers apart where the video greets them.
		const greeting = timeline.staticHolds[0]!.from;
		const [a, b] = await Promise.all(requests.map((request) => still(request, greeting)));
		expect(a!.equals(b!)).toBe(false);
	});
});

it("draws a customer's emoji in colour, as their phone does, not in DejaVu's monochrome face", async () => {
	const input = byLocale[0]!.input as RenderRequestInput & {template: 'telco-bill'};
	const named = (name: string) => ({...input, format: 'landscape', bill: {...input.bill, customer: {...input.bill.customer, name}}}) as RenderRequestInput;
	const greeting = computeRenderInput(named('Zoë')).timeline.staticHolds[0]!.from;
	const [plain, smiling] = await Promise.all([named('Zoë'), named('Zoë 😀')].map(async (request) => yellowPixelCount(await still(request, greeting))));
	expect(smiling! - plain!).toBeGreaterThan(20);
});
