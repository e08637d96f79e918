import {describe, expect, it} from 'vitest';
import {daysBetween, formatDate, formatPeriod, todayAnywhereOnEarth} from '../../src/dates';
import {decimalToMinor, formatMoney, minorDigits, minorToDecimalString} from '../../src/money';

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

	it('formats every amount exactly, however large, in each currency\'s own decimals', () => {
		// Divided by 100 as a float, the largest safe integer of cents showed as …409.90.
		expect(formatMoney({minor: 9007199254740991, currency: 'EUR', locale: 'en-GB'})).toBe('€90,071,992,547,409.91');
		expect(formatMoney({minor: -9007199254740991, currency: 'EUR', locale: 'en-GB'})).toBe('-€90,071,992,547,409.91');
		expect(formatMoney({minor: 999_999_999_999, currency: 'EUR', locale: 'en-GB', signed: true})).toBe('+€9,999,999,999.99');
		expect(plain(formatMoney({minor: 123456789, currency: 'EUR', locale: 'it-IT', signed: true}))).toBe('+1.234.567,89 €');
		expect(formatMoney({minor: 0, currency: 'EUR', locale: 'en-GB', signed: true})).toBe('€0.00');
		expect(formatMoney({minor: 9007199254740991, currency: 'JPY', locale: 'ja-JP'})).toBe('JP¥9,007,199,254,740,991');
		expect(formatMoney({minor: 52000, currency: 'KRW', locale: 'ko-KR', signed: true})).toBe('+₩52,000');
		expect(plain(formatMoney({minor: 12345, currency: 'KWD', locale: 'en-GB'}))).toBe('KWD 12.345');
		expect(plain(formatMoney({minor: 5, currency: 'KWD', locale: 'en-GB'}))).toBe('KWD 0.005');
		expect(plain(formatMoney({minor: 9007199254740991, currency: 'KWD', locale: 'en-GB'}))).toBe('KWD 9,007,199,254,740.991');
	});

	it('reads a JSON number exactly up to the largest amount, and refuses one beyond it rather than round it', () => {
		expect(decimalToMinor({value: 9999999999.99, currency: 'EUR'})).toEqual({ok: true, minor: 999_999_999_999});
		expect(decimalToMinor({value: 999999999.999, currency: 'KWD'})).toEqual({ok: true, minor: 999_999_999_999});
		expect(decimalToMinor({value: -10000000000, currency: 'EUR'})).toEqual({ok: true, minor: -1_000_000_000_000});
		// The float nearest 80000000000000.01 reads back as …02: it became 8000000000000002 minor units.
		expect(decimalToMinor({value: 80000000000000.01, currency: 'EUR'})).toMatchObject({ok: false, message: 'must be between -10000000000.00 and 10000000000.00 EUR'});
		expect(decimalToMinor({value: '1000000000001', currency: 'KRW'})).toMatchObject({ok: false, message: 'must be between -1000000000000 and 1000000000000 KRW'});
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
		expect(formatDate('2026-11-21', 'en-GB')).toBe('21\u00a0November\u00a02026');
		expect(formatDate('2026-11-21', 'it-IT')).toBe('21\u00a0novembre\u00a02026');
		expect(formatDate('2026-11-21', 'ko-KR')).toBe('2026년\u00a011월\u00a021일');
		expect(plain(formatPeriod('2026-10-01', '2026-10-31', 'en-GB'))).toMatch(/1.+31 Oct 2026/);
	});

	it('lets a narrow frame wrap a period only after its dash, never inside a date', () => {
		// A space or thin space is where a line may break; no-break spaces are not.
		const breaks = (text: string) => [...text.matchAll(/[ \u2009]/g)].map((match) => text.slice(0, match.index));
		expect(breaks(formatPeriod('2026-10-01', '2026-10-31', 'en-GB'))).toEqual(['1\u202f–']);
		expect(breaks(formatPeriod('2025-12-15', '2026-01-14', 'it-IT'))).toEqual(['15\u00a0dic\u00a02025\u202f–']);
		expect(breaks(formatPeriod('2026-10-01', '2026-10-31', 'ko-KR'))).toEqual(['2026.\u00a010.\u00a01.\u00a0~']);
		expect(breaks(formatPeriod('2026-10-01', '2026-10-01', 'en-GB'))).toEqual([]);
		expect(plain(formatPeriod('2026-10-01', '2026-10-31', 'ko-KR'))).toBe('2026. 10. 1. ~ 2026. 10. 31.');
	});

	it('counts a due date as passed only once it has passed everywhere', () => {
		const late = (now: string) => daysBetween('2026-11-21', todayAnywhereOnEarth(new Date(now)));
		// 20:00 on the due date in New York, already the 22nd in UTC: not late yet.
		expect(late('2026-11-22T01:00:00Z')).toBe(0);
		expect(late('2026-11-22T11:59:59Z')).toBe(0);
		// Noon UTC: the 21st has ended on every shore.
		expect(late('2026-11-22T12:00:00Z')).toBe(1);
		expect(late('2026-11-30T23:00:00Z')).toBe(9);
	});
});

describe('decimalToMinor', () => {
	it('converts decimals exactly, whatever a float would make of them', () => {
		expect(decimalToMinor({value: 68.4, currency: 'EUR'})).toEqual({ok: true, minor: 6840});
		expect(decimalToMinor({value: '68.40', currency: 'EUR'})).toEqual({ok: true, minor: 6840});
		// 4.35 * 100 is 434.99999999999994 in floating point.
		expect(decimalToMinor({value: 4.35, currency: 'EUR'})).toEqual({ok: true, minor: 435});
		expect(decimalToMinor({value: -5, currency: 'EUR'})).toEqual({ok: true, minor: -500});
		expect(decimalToMinor({value: '-0.00', currency: 'EUR'})).toEqual({ok: true, minor: 0});
		expect(Object.is((decimalToMinor({value: '-0.00', currency: 'EUR'}) as {minor: number}).minor, 0)).toBe(true);
	});

	it('follows the currency: KRW has no minor units', () => {
		expect(decimalToMinor({value: 52000, currency: 'KRW'})).toEqual({ok: true, minor: 52000});
		expect(decimalToMinor({value: '52000.00', currency: 'KRW'})).toEqual({ok: true, minor: 52000});
		expect(decimalToMinor({value: 52000.5, currency: 'KRW'})).toMatchObject({ok: false, message: expect.stringMatching(/more decimals than KRW allows \(0\)/)});
	});

	it('refuses more decimals than the currency has, and anything that is not a plain decimal', () => {
		expect(decimalToMinor({value: 0.1 + 0.2, currency: 'EUR'})).toMatchObject({ok: false, message: expect.stringMatching(/more decimals than EUR/)});
		expect(decimalToMinor({value: '68.405', currency: 'EUR'})).toMatchObject({ok: false});
		expect(decimalToMinor({value: '68.400', currency: 'EUR'})).toEqual({ok: true, minor: 6840});
		for (const value of ['', '1e3', '68,40', '€68.40', '.5', '5.', Number.NaN, 1e21]) {
			expect(decimalToMinor({value, currency: 'EUR'})).toMatchObject({ok: false, message: expect.stringMatching(/decimal number/)});
		}
		expect(decimalToMinor({value: '90071992547409.93', currency: 'EUR'})).toEqual({ok: false, message: 'must be between -10000000000.00 and 10000000000.00 EUR'});
	});

	it('quotes at most 40 characters of a value it refuses, however long the value', () => {
		const long = `0.${'0'.repeat(200_000)}1`;
		expect(decimalToMinor({value: long, currency: 'EUR'})).toEqual({
			ok: false,
			message: `has more decimals than EUR allows (2): "0.${'0'.repeat(36)}… is not a whole number of minor units`,
		});
		expect(decimalToMinor({value: `x${long}`, currency: 'EUR'})).toEqual({ok: false, message: `must be a decimal number such as 68.40, not "x0.${'0'.repeat(35)}…`});
		expect(decimalToMinor({value: '68,40', currency: 'EUR'})).toEqual({ok: false, message: 'must be a decimal number such as 68.40, not "68,40"'});
	});
});
