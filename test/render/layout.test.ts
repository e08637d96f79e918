import {useLayoutStage} from './layout-stage';
import {describe, expect, it} from 'vitest';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {fixtureLocales} from '../../src/fixtures/locales';
import {videoFormats, type VideoFormat} from '../../src/formats';
import {timelineFor, type RenderRequestInput} from '../../src/render-input';
import {SCENE_FADE} from '../../src/scene-motion';
import type {TemplateBill} from '../../src/templates/registry';
import {allTemplateBills} from '../helpers/template-fixtures';
import type {LayoutProblem} from './layout-page';

/** A 360 CSS px wide phone shows the 1080 px wide portrait (and square) frame at a third of its size. */
const PHONE_WIDTH = 360;
const phoneSizes = (format: VideoFormat, width: number) =>
	format === 'landscape' ? {minTextPx: 0, minTargetPx: 0} : {minTextPx: (12 * width) / PHONE_WIDTH, minTargetPx: (24 * width) / PHONE_WIDTH};

const stage = useLayoutStage();

/** Every scene's settled frame (the start of its still hold), laid out and measured; problems named by scene. */
const problemsOf = async (input: RenderRequestInput): Promise<string[]> => {
	const timeline = timelineFor(input);
	const options = phoneSizes(input.format, timeline.width);
	const found: string[] = [];
	for (const scene of timeline.scenes) {
		const hold = timeline.staticHolds.find((h) => h.from >= scene.from && h.from < scene.from + scene.durationInFrames);
		const frame = hold?.from ?? scene.from + scene.durationInFrames - SCENE_FADE - 1;
		await stage.page.evaluate(([request, at]) => window.showFrame(request, at), [input, frame] as const);
		const problems: LayoutProblem[] = await stage.page.evaluate((measure) => window.measureFrame(measure), options);
		found.push(...problems.map((p) => `${scene.id} ${p.kind}: "${p.text}" ${p.detail}`));
	}
	return found;
};

const layoutKinds = new Set<LayoutProblem['kind']>(['outside', 'clipped', 'covered', 'broken-word', 'small-text', 'small-target']);
const contrastKinds = new Set<LayoutProblem['kind']>(['text-contrast', 'non-text-contrast']);
const ofKinds = (problems: string[], kinds: Set<string>) => problems.filter((p) => kinds.has(p.split(' ')[1]!.replace(':', '')));

describe('no text is clipped, leaves the frame, breaks inside a word or is too small on a phone', () => {
	describe.each(allTemplateBills)('$name', ({input}) => {
		it.each(videoFormats)('%s', async (format) => {
			expect(ofKinds(await problemsOf({...input, format} as RenderRequestInput), layoutKinds)).toEqual([]);
		});
	});
});

it.each(videoFormats)('a long hyphenated surname breaks at its hyphen, never inside a word: %s', async (format) => {
	const bill = {...telcoFixtures['en-GB'], customer: {...telcoFixtures['en-GB'].customer, name: "Siobhan O'Sullivan-Featherstonehaugh"}};
	expect(ofKinds(await problemsOf({template: 'telco-bill', bill, format}), layoutKinds)).toEqual([]);
});

const brands = {pale: '#E8F0FF', mid: '#2E7D9A', dark: '#1B1464'};

const byLocale = fixtureLocales.flatMap((locale): TemplateBill[] => [
	{template: 'telco-bill', bill: telcoFixtures[locale]},
	{template: 'utility-bill', bill: utilityFixtures[locale]},
	{template: 'payment-reminder', bill: reminderFixtures[locale]},
]);

describe('text reaches 4.5:1 and bars, tracks and buttons 3:1, for a pale, a mid and a dark brand', () => {
	describe.each(Object.entries(brands))('%s brand %s', (_, primaryColor) => {
		it.each(videoFormats)('%s', async (format) => {
			const found: string[] = [];
			for (const input of byLocale) {
				const bill = {...input.bill, brand: {...input.bill.brand, primaryColor}};
				const problems = ofKinds(await problemsOf({...input, bill, format} as RenderRequestInput), contrastKinds);
				found.push(...problems.map((p) => `${input.template} ${input.bill.customer.locale} ${p}`));
			}
			expect(found).toEqual([]);
		});
	});
});
