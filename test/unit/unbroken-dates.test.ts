import {describe, expect, it} from 'vitest';
import {formatDate} from '../../src/dates';
import {speakText, spokenContext} from '../../src/narration/spoken-text';

/** A space a line may break at; the no-break ones (U+00A0, U+202F) are not. */
const breakable = /[ \t\n\u2009]/u;

describe('a printed date is one unbreakable piece of text ("Scadenza: 21 / novembre 2026")', () => {
	it.each(['en-GB', 'en-US', 'it-IT', 'ko-KR'])('%s, in every style', (locale) => {
		for (const style of ['long', 'medium', 'short'] as const) expect(formatDate('2026-11-21', locale, style)).not.toMatch(breakable);
	});

	it('is still said as a date, printed with its no-break spaces or written with plain ones', () => {
		const context = spokenContext({locale: 'it-IT', currency: 'EUR', dates: ['2026-11-21']});
		const printed = `Scadenza: ${formatDate('2026-11-21', 'it-IT')}`;
		expect(speakText(printed, context)).toBe(speakText('Scadenza: 21 novembre 2026', context));
		expect(speakText(printed, context)).not.toMatch(/\d/);
	});
});
