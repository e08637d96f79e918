import {describe, expect, it} from 'vitest';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';

/** Fields that hold codes, not words a customer reads. */
const codes = new Set(['id', 'locale', 'currency', 'status', 'category', 'kind', 'primaryColor', 'accentColor', 'logoUrl', 'payUrl', 'url', 'billPdfUrl']);

/** The words of a bill a customer reads in the video and on the page: labels, names, payment methods. */
const wordsOf = (value: unknown, key = ''): string[] => {
	if (typeof value === 'string') return codes.has(key) || !/\p{L}{3}/u.test(value) ? [] : [value];
	if (Array.isArray(value)) return value.flatMap((item) => wordsOf(item));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => wordsOf(item, name));
	return [];
};

describe("each language's sample bills (Studio's compositions, the demos)", () => {
	for (const [template, fixtures] of [
		['telco-bill', telcoFixtures],
		['utility-bill', utilityFixtures],
		['payment-reminder', reminderFixtures],
	] as const) {
		it(`${template}: the Italian and Korean bills carry none of the English bill's words`, () => {
			const english = new Set(wordsOf(fixtures['en-GB']));
			for (const locale of ['it-IT', 'ko-KR'] as const) {
				expect(wordsOf(fixtures[locale]).filter((words) => english.has(words)), locale).toEqual([]);
			}
		});
	}
});
