import {describe, expect, it} from 'vitest';
import {catalogues, messagesFor, missingKeys} from '../../src/i18n/catalogue';
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
