import {describe, expect, it} from 'vitest';
import {useLayoutStage} from './layout-stage';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {fixtureLocales} from '../../src/fixtures/locales';
import {videoFormats} from '../../src/formats';
import {timelineFor, type RenderRequestInput} from '../../src/render-input';
import type {TemplateBill} from '../../src/templates/registry';
import {orphanedTexts} from '../helpers/orphan-words';

const stage = useLayoutStage();

const byLocale = fixtureLocales.flatMap((locale): Array<{name: string; input: TemplateBill}> => [
	{name: `telco-bill ${locale}`, input: {template: 'telco-bill', bill: telcoFixtures[locale]}},
	{name: `utility-bill ${locale}`, input: {template: 'utility-bill', bill: utilityFixtures[locale]}},
	{name: `payment-reminder ${locale}`, input: {template: 'payment-reminder', bill: reminderFixtures[locale]}},
]);

/** Every scene's settled frame, with the texts whose last line is one word alone, named by scene. */
const orphansOf = async (input: RenderRequestInput): Promise<string[]> => {
	const timeline = timelineFor(input);
	const found: string[] = [];
	for (const scene of timeline.scenes) {
		const hold = timeline.staticHolds.find((h) => h.from >= scene.from && h.from < scene.from + scene.durationInFrames)!;
		await stage.page.evaluate(([request, at]) => window.showFrame(request, at), [input, hold.from] as const);
		found.push(...(await stage.page.locator('#root *').evaluateAll(orphanedTexts)).map((text) => `${scene.id}: ${text}`));
	}
	return found;
};

describe('no wrapped line of a scene ends the text with one word alone ("Scadenza: 28 novembre / 2026")', () => {
	describe.each(byLocale)('$name', ({input}) => {
		it.each(videoFormats)('%s', async (format) => {
			expect(await orphansOf({...input, format} as RenderRequestInput)).toEqual([]);
		});
	});
});
