import {describe, expect, it} from 'vitest';
import {formatDate, formatPeriod} from '../../src/dates';
import {formatMoney, minorDigits, minorToDecimalString} from '../../src/money';

// Intl uses narrow no-break spaces in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
	it('formats en-GB euros', () => {
		expect(formatMoney({minor: 4250, currency: 'EUR', locale: 'en-GB'})).toBe('€42.50');
		expect(formatMoney({minor: 100000000, currency: 'EUR', locale: 'en-GB'})).toBe('€1,000,000.00');
		expect(formatMoney({minor: -500, currency: 'EUR', locale: 'en-GB'})).toBe('-€5.00');
	});

	it('formats it-IT euros with the comma and the symbol after', () => {
		expect(plain(formatMoney({minor: 4250, currency: 'EUR', locale: 'it-IT'}))).toBe('42,50 €');
		expect(plain(formatMoney({minor: 123456789, currency: 'EUR', locale: 'it-IT'}))).toBe('1.234.567,89 €');
	});

	it('formats ko-KR won with no minor units', () => {
		expect(minorDigits('KRW')).toBe(0);
		expect(formatMoney({minor: 52000, currency: 'KRW', locale: 'ko-KR'})).toBe('₩52,000');
	});

	it('shows a sign on differences when asked', () => {
		expect(formatMoney({minor: 1640, currency: 'EUR', locale: 'en-GB', signed: true})).toBe('+€16.40');
	});

	it('writes exact decimal strings for links', () => {
		expect(minorToDecimalString(4250, 'EUR')).toBe('42.50');
		expect(minorToDecimalString(5, 'EUR')).toBe('0.05');
		expect(minorToDecimalString(-5, 'EUR')).toBe('-0.05');
		expect(minorToDecimalString(52000, 'KRW')).toBe('52000');
	});
});

describe('dates', () => {
	it('formats calendar dates without shifting the day', () => {
		expect(formatDate('2026-11-21', 'en-GB')).toBe('21 November 2026');
		expect(formatDate('2026-11-21', 'it-IT')).toBe('21 novembre 2026');
		expect(formatDate('2026-11-21', 'ko-KR')).toBe('2026년 11월 21일');
		expect(plain(formatPeriod('2026-10-01', '2026-10-31', 'en-GB'))).toMatch(/1.+31 Oct 2026/);
	});
});
