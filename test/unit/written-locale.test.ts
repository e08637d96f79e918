import {describe, expect, it} from 'vitest';
import {writtenLocale} from '../../src/i18n/catalogue';
import {narrationOf} from '../../src/narration';
import {scriptFor, timelineFor} from '../../src/render-input';
import {watchPage} from '../../server/watch/watch-page';
import {allTemplateBills} from '../helpers/template-fixtures';
import type {TemplateBill} from '../../src/templates/registry';

describe('writtenLocale', () => {
	it.each([
		['it-IT', 'it-IT'],
		['ko', 'ko'],
		['en-US', 'en-US'],
		['it-CH', 'it-CH'],
		// Some billing systems write tags in capitals; Intl reads the language as it does any other.
		['IT-IT', 'IT-IT'],
		['fr-FR', 'en-GB'],
		['de-CH', 'en-GB'],
		['es', 'en-GB'],
	])('writes %s as %s', (locale, written) => {
		expect(writtenLocale(locale)).toBe(written);
	});
});

/** Every word a customer reads or hears of a bill: the scenes' lines, the spoken narration and the watch page. */
const everything = (input: TemplateBill): string => {
	const lines = Object.values(scriptFor(input)).flatMap((script) => script?.lines ?? []);
	const spoken = narrationOf(input, timelineFor({...input, format: 'landscape'}).scenes).flatMap((scene) => scene.sentences);
	const page = watchPage({props: {...input, format: 'landscape'}, token: 't', nonce: 'n', scriptSrc: '/p.js', downloads: {}, playerMode: 'live', today: '2026-11-10'});
	return [...lines, ...spoken, page].join('\n');
};

const inLocale = (input: TemplateBill, locale: string): TemplateBill => ({...input, bill: {...input.bill, customer: {...input.bill.customer, locale}}}) as TemplateBill;

/** A language's month names, long and short, where they differ from English's. */
const monthNames = (locale: string): string[] => {
	const names = (lang: string, month: 'long' | 'short') =>
		Array.from({length: 12}, (_, index) => new Intl.DateTimeFormat(lang, {month, timeZone: 'UTC'}).format(Date.UTC(2026, index, 15)).replace(/\.$/, ''));
	const english = new Set([...names('en-GB', 'long'), ...names('en-GB', 'short')].map((name) => name.toLowerCase()));
	return [...names(locale, 'long'), ...names(locale, 'short')].filter((name) => !english.has(name.toLowerCase()));
};

describe('a tag in capitals', () => {
	it("gets its language's words, not English around Italian dates", () => {
		const {input} = allTemplateBills.find(({name}) => name === 'telco-bill it-IT')!;
		expect(everything(inLocale(input, 'IT-IT')).replace(/lang="[^"]+"/, '')).toBe(everything(input).replace(/lang="[^"]+"/, ''));
	});
});

describe('a customer whose language billcast has no words for', () => {
	const englishBills = allTemplateBills.filter(({name}) => name.endsWith(' en-GB'));

	for (const locale of ['fr-FR', 'de-DE']) {
		for (const {name, input} of englishBills) {
			it(`${name} in ${locale} reads and hears English, with English dates and amounts`, () => {
				const text = everything(inLocale(input, locale));
				const foreign = monthNames(locale).filter((month) => new RegExp(`(^|[^\\p{L}])${month}([^\\p{L}]|$)`, 'iu').test(text));
				expect(foreign).toEqual([]);
				expect(text.replace(/lang="[^"]+"/, '')).toBe(everything(inLocale(input, writtenLocale(locale))).replace(/lang="[^"]+"/, ''));
			});
		}
	}
});
