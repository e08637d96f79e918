import {describe, expect, it} from 'vitest';
import {formatDate, formatPeriod} from '../../src/dates';

/** The period as read, its unbreakable spaces plain. */
const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

describe('formatPeriod', () => {
	it('writes an Italian day without a leading zero, as Italian dates do', () => {
		expect(plain(formatDate('2026-10-05', 'it-IT', 'medium'))).toBe('5 ott 2026');
		expect(plain(formatPeriod('2026-10-01', '2026-10-31', 'it-IT'))).toBe('1–31 ott 2026');
		expect(plain(formatPeriod('2026-09-01', '2026-10-31', 'it-IT'))).toBe('1 set – 31 ott 2026');
		expect(plain(formatPeriod('2025-12-05', '2026-01-04', 'it-IT'))).toBe('5 dic 2025 – 4 gen 2026');
	});

	it('keeps the days the English and Korean forms already write', () => {
		expect(plain(formatPeriod('2026-10-01', '2026-10-31', 'en-GB'))).toBe('1 – 31 Oct 2026');
		expect(plain(formatPeriod('2026-09-01', '2026-10-31', 'en-US'))).toBe('Sep 1 – Oct 31, 2026');
		expect(plain(formatPeriod('2026-10-01', '2026-10-31', 'ko-KR'))).toBe('2026. 10. 1. ~ 2026. 10. 31.');
		expect(plain(formatPeriod('2026-10-10', '2026-10-20', 'it-IT'))).toBe('10–20 ott 2026');
	});
});
