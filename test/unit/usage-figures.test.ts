import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {telcoScript} from '../../src/templates/telco-bill/telco-script';

const bills = {'en-GB': sampleTelcoBill, 'it-IT': telcoFixtures['it-IT'], 'ko-KR': telcoFixtures['ko-KR']} as const;
type Locale = keyof typeof bills;
const locales = Object.keys(bills) as Locale[];

/** The data meter's figures, as the usage scene and its captions show them. */
const dataFigures = (locale: Locale, used: number, allowance: number): {used: string; allowance: string} => {
	const meter = telcoScript({...bills[locale], usage: {data: {used, allowance}}} satisfies TelcoBill).usage.meters[0]!;
	return {used: meter.used, allowance: meter.allowance};
};

/** A figure read back as a number (Italian groups with '.' and has a decimal comma), and its count of decimals. */
const readBack = (locale: Locale, figure: string): {value: number; decimals: number} => {
	const digits = figure.replace(/ GB$/, '');
	const plain = locale === 'it-IT' ? digits.replaceAll('.', '').replace(',', '.') : digits.replaceAll(',', '');
	return {value: Number(plain), decimals: plain.split('.')[1]?.length ?? 0};
};

describe('data used a hair over or under the allowance', () => {
	it.each([
		['en-GB', 30.001, 30, '30.001 GB', '30 GB'],
		['it-IT', 30.001, 30, '30,001 GB', '30 GB'],
		['ko-KR', 30.001, 30, '30.001 GB', '30 GB'],
		['en-GB', 29.999, 30, '29.999 GB', '30 GB'],
		['it-IT', 29.999, 30, '29,999 GB', '30 GB'],
		['ko-KR', 29.999, 30, '29.999 GB', '30 GB'],
		['it-IT', 1000.001, 1000, '1000,001 GB', '1000 GB'],
		['ko-KR', 1000.001, 1000, '1,000.001 GB', '1,000 GB'],
		['en-GB', 30.04, 30, '30.04 GB', '30 GB'],
		// Cut, not rounded up past what was used.
		['en-GB', 30.0149, 30, '30.014 GB', '30 GB'],
		['it-IT', 30.0199, 30, '30,019 GB', '30 GB'],
	] as const)('%s: %d GB of %d reads "%s / %s"', (locale, used, allowance, shownUsed, shownAllowance) => {
		expect(dataFigures(locale, used, allowance)).toEqual({used: shownUsed, allowance: shownAllowance});
	});

	it.each(locales)('%s: a figure at most three decimals from its allowance shows exactly', (locale) => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 5000}), fc.integer({min: -49, max: 49}).filter((n) => n !== 0), (allowance, thousandths) => {
				const used = (allowance * 1000 + thousandths) / 1000;
				fc.pre(used >= 0);
				expect(readBack(locale, dataFigures(locale, used, allowance).used).value).toBe(used);
			}),
		);
	});

	it.each(locales)('%s: any amount near its allowance reads on its side, with at most three decimals, never past what was used', (locale) => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 5000}), fc.double({min: -0.06, max: 0.06, noNaN: true}), (allowance, gap) => {
				const used = allowance + gap;
				fc.pre(used >= 0 && used !== allowance);
				const figures = dataFigures(locale, used, allowance);
				const shown = readBack(locale, figures.used);
				expect(readBack(locale, figures.allowance).value).toBe(allowance);
				expect(shown.decimals).toBeLessThanOrEqual(3);
				if (used > allowance) expect(shown.value).toBeGreaterThan(allowance);
				else expect(shown.value).toBeLessThan(allowance);
				// Past what was used only by rounding to one decimal, as every figure is, or to the next thousandth when the
				// amount is closer to its allowance than three decimals can show.
				if (used > allowance && shown.decimals > 1 && used - allowance >= 0.001) expect(shown.value).toBeLessThanOrEqual(used);
			}),
		);
	});
});
