import {describe, expect, it} from 'vitest';
import {catalogues, messagesFor, missingKeys, pluralForm, wordsFor} from '../../src/i18n/catalogue';
import {en} from '../../src/i18n/en';
import {templates} from '../../src/templates/registry';
import {wordCatalogues} from '../helpers/word-catalogues';

describe('catalogues', () => {
	it.each(wordCatalogues.flatMap(([name, catalogue]) => Object.keys(catalogue).filter((language) => language !== 'en').map((language) => [name, language, catalogue] as const)))(
		'%s words in %s have every key English has',
		(_, language, catalogue) => {
			expect(missingKeys(catalogue[language]!, catalogue.en)).toEqual([]);
		},
	);

	it('every template translates its words into each language the shared words have', () => {
		for (const template of templates) expect(Object.keys(template.words).sort(), template.id).toEqual(Object.keys(catalogues).sort());
	});

	it('a missing key falls back to English, and is reported', () => {
		const partial = {greeting: 'Ciao {name}', player: {play: 'Riproduci'}};
		expect(missingKeys(partial)).toContain('player.pause');
		expect(missingKeys(partial)).not.toContain('greeting');
		catalogues.xx = partial;
		try {
			expect(messagesFor('xx-YY').greeting).toBe('Ciao {name}');
			expect(messagesFor('xx-YY').player.pause).toBe(en.player.pause);
		} finally {
			delete catalogues.xx;
		}
	});

	it("a template's words fall back to English the same way", () => {
		const words = {en: {title: 'Your use', parts: {energy: 'Energy', taxes: 'Taxes'}}, it: {parts: {energy: 'Materia prima'}}};
		expect(wordsFor(words, 'it-IT')).toEqual({title: 'Your use', parts: {energy: 'Materia prima', taxes: 'Taxes'}});
		expect(missingKeys(words.it, words.en)).toEqual(['title', 'parts.taxes']);
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
