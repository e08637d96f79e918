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
import {phrasesSplitAcrossLines} from './split-phrases';
import {daysBetween, formatDate, formatPeriod} from '../../src/dates';
import {isoDatesIn} from '../../src/narration/scene-sentences';

const stage = useLayoutStage();

const byLocale = fixtureLocales.flatMap((locale): Array<{name: string; input: TemplateBill}> => [
	{name: `telco-bill ${locale}`, input: {template: 'telco-bill', bill: telcoFixtures[locale]}},
	{name: `utility-bill ${locale}`, input: {template: 'utility-bill', bill: utilityFixtures[locale]}},
	{name: `payment-reminder ${locale}`, input: {template: 'payment-reminder', bill: reminderFixtures[locale]}},
]);

/**
 * Every date a scene may print for the bill, as it prints them: each day from the bill's first date to a year after its
 * last (a reminder's instalments fall after its dates), and its billing period.
 */
const printedDates = ({bill}: RenderRequestInput): string[] => {
	const {locale} = bill.customer;
	const dates = isoDatesIn(bill).sort();
	const days = daysBetween(dates[0]!, dates.at(-1)!) + 366;
	const day = (index: number) => new Date(Date.parse(dates[0]!) + index * 86_400_000).toISOString().slice(0, 10);
	const period = 'period' in bill && bill.period ? [formatPeriod(bill.period.start, bill.period.end, locale)] : [];
	return [...period, ...Array.from({length: days}, (_, index) => formatDate(day(index), locale))];
};

/** Every scene's settled frame, with the texts whose last line is one word alone and the dates cut by a line, named by scene. */
const wrapProblemsOf = async (input: RenderRequestInput): Promise<string[]> => {
	const timeline = timelineFor(input);
	const dates = printedDates(input);
	const found: string[] = [];
	for (const scene of timeline.scenes) {
		const hold = timeline.staticHolds.find((h) => h.from >= scene.from && h.from < scene.from + scene.durationInFrames)!;
		await stage.page.evaluate(([request, at]) => window.showFrame(request, at), [input, hold.from] as const);
		const texts = stage.page.locator('#root *');
		found.push(...(await texts.evaluateAll(orphanedTexts)).map((text) => `${scene.id}: ${text}`));
		found.push(...(await texts.evaluateAll(phrasesSplitAcrossLines, dates)).map((text) => `${scene.id}: ${text}`));
	}
	return found;
};

describe('no wrapped line of a scene ends the text with one word alone ("Scadenza: 28 novembre / 2026") or cuts a date ("Scadenza: 21 / novembre 2026")', () => {
	describe.each(byLocale)('$name', ({input}) => {
		it.each(videoFormats)('%s', async (format) => {
			expect(await wrapProblemsOf({...input, format} as RenderRequestInput)).toEqual([]);
		});
	});
});
