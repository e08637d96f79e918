import {describe, expect, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import type {LineItem, TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {telcoScript} from '../../src/templates/telco-bill/telco-script';
import {chartRows} from '../../src/templates/telco-bill/breakdown';

const billOf = (base: TelcoBill, lineItems: LineItem[]): TelcoBill => ({...base, lineItems, amountDue: lineItems.reduce((sum, item) => sum + item.amount, 0)});

const adjusted: LineItem[] = [
	{category: 'plan', label: 'Unlimited Plus 5G', amount: 3500},
	{category: 'other', label: 'Adjustment from previous bill', amount: -300},
	{category: 'credits', label: 'Loyalty discount', amount: -800},
];

describe('the saving the breakdown tells', () => {
	it('is what the discounts-and-credits bar shows, not every negative line on the bill', () => {
		const {rows, saved, lines} = telcoScript(billOf({...sampleTelcoBill, customer: {...sampleTelcoBill.customer, currency: 'GBP'}}, adjusted)).breakdown;
		expect(rows.find((row) => row.key === 'credits')?.amount).toBe('-£8.00');
		expect(saved).toBe('You saved £8.00 with discounts and credits');
		expect(lines).toContain('Other charges: -£3.00');
	});

	it('agrees with the bar when the credits share the chart with five other categories', () => {
		const many: LineItem[] = [
			{category: 'plan', label: 'Plan', amount: 3000},
			{category: 'addons', label: 'Extra data', amount: 900},
			{category: 'roaming', label: 'Roaming', amount: 700},
			{category: 'devices', label: 'Phone', amount: 1500},
			{category: 'one_off', label: 'SIM swap', amount: 500},
			{category: 'other', label: 'Adjustment from previous bill', amount: -300},
			{category: 'taxes', label: 'VAT', amount: 1200},
			{category: 'credits', label: 'Loyalty discount', amount: -800},
		];
		const {rows, saved} = telcoScript(billOf(telcoFixtures['it-IT'], many)).breakdown;
		expect(rows.find((row) => row.key === 'credits')?.amount).toBe('-8,00\u00a0€');
		expect(saved).toBe('Hai risparmiato 8,00\u00a0€ con sconti e accrediti');
	});

	it('is not told when only a line outside the credits is negative', () => {
		expect(telcoScript(billOf(telcoFixtures['ko-KR'], [{category: 'plan', label: '5G 프리미엄', amount: 55000}, {category: 'other', label: '전월 조정', amount: -3000}])).breakdown.saved).toBeUndefined();
	});
});

describe('the breakdown chart of a bill with more categories than bars', () => {
	it('gives taxes a bar of their own, so "Other" does not swallow them and become the largest bar', () => {
		const items: LineItem[] = [
			{category: 'plan', label: 'Plan', amount: 2500},
			{category: 'addons', label: 'Extra data', amount: 900},
			{category: 'roaming', label: 'Roaming', amount: 700},
			{category: 'devices', label: 'Phone', amount: 1500},
			{category: 'one_off', label: 'SIM swap', amount: 500},
			{category: 'taxes', label: 'VAT', amount: 3858},
			{category: 'credits', label: 'Loyalty discount', amount: -800},
		];
		const rows = chartRows(items);
		expect(rows.map((row) => [row.category, row.total])).toEqual([
			['plan', 2500],
			['devices', 1500],
			['other', 2100],
			['taxes', 3858],
			['credits', -800],
		]);
	});
});
