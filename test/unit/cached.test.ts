import {describe, expect, it} from 'vitest';
import {cached, makeCache} from '../../src/cached';
import {messagesFor} from '../../src/i18n/catalogue';
import {numberFormat} from '../../src/intl-formats';

describe('the caches of locale-keyed work', () => {
	it('make a value once per key, and keep at most 500 keys however many tags arrive', () => {
		const cache = makeCache<{tag: string}>();
		let made = 0;
		const make = (tag: string) => cached(cache, tag, () => ({tag: `${tag}-${++made}`}));
		expect(make('it-IT')).toBe(make('it-IT'));
		// Intl accepts endless private-use tags: a hostile batch's thousand different ones.
		for (let index = 0; index < 1_000; index++) make(`en-x-a${index}`);
		expect(cache.size).toBe(500);
		expect(made).toBe(1_001);
	});

	it('give the same words and formats for a tag asked again after many others', () => {
		const italian = messagesFor('it-IT');
		for (let index = 0; index < 600; index++) {
			numberFormat(`en-x-b${index}`).format(1);
			messagesFor(`en-x-b${index}`);
		}
		expect(messagesFor('it-IT')).toEqual(italian);
		expect(numberFormat('it-IT', {style: 'currency', currency: 'EUR'}).format(68.4)).toMatch(/^68,40\s€$/u);
	});
});
