import {describe, expect, it} from 'vitest';
import {summarizeBill} from '../../src/bill-summary';
import {captionCues} from '../../src/captions';
import {fixtureLocales} from '../../src/fixtures/locales';
import {scriptFor, timelineFor} from '../../src/render-input';
import type {UtilityBill} from '../../src/templates/utility-bill/utility-bill-schema';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {utilityScript} from '../../src/templates/utility-bill/utility-script';
import {utilityWordsFor} from '../../src/templates/utility-bill/utility-words';

/** A bill of `kind` used more than last year and than similar homes, so both tips that give advice are shown. */
const billOf = (locale: (typeof fixtureLocales)[number], kind: UtilityBill['kind']): UtilityBill => {
	const bill = utilityFixtures[locale];
	const now = bill.consumption.at(-1)!.amount;
	return {...bill, kind, samePeriodLastYear: now / 2, similarHomes: now / 2};
};

/** Everything the customer reads or hears of the bill: captions (the narration reads the same lines) and the watch page's rows. */
const everythingSaid = (bill: UtilityBill): string[] => {
	const input = {template: 'utility-bill', bill} as const;
	const captions = captionCues({timeline: timelineFor({...input, format: 'portrait'}), script: scriptFor(input)}).flatMap((cue) => cue.text.split('\n'));
	return [...captions, ...summarizeBill(input).rows.map((row) => row.group)];
};

describe('a water bill speaks of water', () => {
	it.each(fixtureLocales)('%s: no energy cost parts and no electricity or gas advice, in the video, the captions or on the watch page', (locale) => {
		const words = utilityWordsFor(locale);
		const said = everythingSaid(billOf(locale, 'water')).join('\n');
		const energyOnly = [...Object.values(words.costParts.electricity), ...Object.values(words.advice.electricity), ...Object.values(words.advice.gas)].filter(
			(text) => !Object.values(words.costParts.water).includes(text),
		);
		for (const text of energyOnly) expect(said).not.toContain(text);
		for (const text of [...Object.values(words.costParts.water), words.advice.water.upOnLastYear, words.advice.water.aboveSimilar]) expect(said).toContain(text);
	});

	it('names the parts as each locale writes them on a water bill', () => {
		const parts = (locale: (typeof fixtureLocales)[number]) => utilityScript(billOf(locale, 'water')).cost.rows.map((row) => row.label);
		expect(parts('en-GB')).toEqual(['Water supply', 'Wastewater', 'Taxes and levies']);
		expect(parts('it-IT')).toEqual(['Acquedotto', 'Fognatura e depurazione', 'Imposte e oneri']);
		expect(parts('ko-KR')).toEqual(['상수도 요금', '하수도 요금', '세금 및 부담금']);
		expect(summarizeBill({template: 'utility-bill', bill: utilityFixtures['ko-KR']}).rows.map((row) => row.group)).toEqual(['상수도 요금', '하수도 요금', '세금 및 부담금']);
	});

	it('a Korean water bill suggests looking for leaks, not standby power', () => {
		const tips = utilityScript(billOf('ko-KR', 'water')).tips.tips.join(' ');
		expect(tips).not.toContain('대기 전력');
		expect(tips).toContain('새는 곳');
	});

	it.each(fixtureLocales)('%s: an electricity bill keeps its standby advice and a gas bill its heating advice', (locale) => {
		const words = utilityWordsFor(locale);
		expect(utilityScript(billOf(locale, 'electricity')).tips.tips.join('\n')).toContain(words.advice.electricity.upOnLastYear);
		expect(utilityScript(billOf(locale, 'gas')).tips.tips.join('\n')).toContain(words.advice.gas.upOnLastYear);
	});
});
