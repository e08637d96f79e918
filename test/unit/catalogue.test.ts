import {describe, expect, it} from 'vitest';
import {catalogues, messagesFor, missingKeys, pluralForm} from '../../src/i18n/catalogue';
import {en} from '../../src/i18n/en';

describe('catalogues', () => {
	it.each(Object.keys(catalogues).filter((language) => language !== 'en'))('%s has every key English has', (language) => {
		expect(missingKeys(catalogues[language]!)).toEqual([]);
	});

	it('a missing key falls back to English, and is reported', () => {
		const partial = {greeting: 'Ciao {name}', categories: {plan: 'Piano'}};
		expect(missingKeys(partial)).toContain('categories.roaming');
		expect(missingKeys(partial)).not.toContain('greeting');
		catalogues.xx = partial;
		try {
			expect(messagesFor('xx-YY').greeting).toBe('Ciao {name}');
			expect(messagesFor('xx-YY').categories.roaming).toBe(en.categories.roaming);
		} finally {
			delete catalogues.xx;
		}
	});

	it('an unknown locale reads English; a regional tag reads its language', () => {
		expect(messagesFor('fr-FR').greeting).toBe(en.greeting);
		expect(messagesFor('it-CH').greeting).toBe('Ciao {name}');
	});
});

describe('pluralForm', () => {
	it("picks the form the locale's plural rules choose, with other for rules the catalogue has no form for", () => {
		const forms = {one: 'one', other: 'other'};
		expect(pluralForm(forms, {count: 1, locale: 'en-GB'})).toBe('one');
		expect(pluralForm(forms, {count: 2, locale: 'it-IT'})).toBe('other');
		// Korean has a single form; Welsh's "two" has none in the catalogues.
		expect(pluralForm(forms, {count: 1, locale: 'ko-KR'})).toBe('other');
		expect(pluralForm(forms, {count: 2, locale: 'cy'})).toBe('other');
	});
});
