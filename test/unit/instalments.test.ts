import {describe, expect, it} from 'vitest';
import {instalmentPlan} from '../../src/templates/payment-reminder/instalments';

const instalments = {max: 6, minimumAmount: 1000, firstDate: '2026-01-31', url: 'https://pay.example.com/plan'};

describe('instalmentPlan', () => {
	it('adds up exactly to the debt, each instalment at least the minimum, for every amount and plan size', () => {
		for (const amountOverdue of [2000, 2001, 2999, 3000, 10_001, 18_750, 24_999, 137_500, 100_000_000, 99_999_999_999]) {
			for (const max of [2, 3, 4, 5, 6]) {
				for (const minimumAmount of [1, 999, 1000]) {
					const plan = instalmentPlan({amountOverdue, instalments: {...instalments, max, minimumAmount}});
					expect(plan.reduce((sum, i) => sum + i.amount, 0)).toBe(amountOverdue);
					expect(plan.length).toBeGreaterThanOrEqual(2);
					expect(plan.length).toBeLessThanOrEqual(max);
					expect(plan.every((i) => Number.isInteger(i.amount) && i.amount >= minimumAmount)).toBe(true);
					expect(Math.max(...plan.map((i) => i.amount)) - Math.min(...plan.map((i) => i.amount))).toBeLessThanOrEqual(1);
				}
			}
		}
	});

	it('uses the most instalments that keep each at or above the minimum', () => {
		// The audit's bill: 4 × £87.50 under a £100 minimum.
		expect(instalmentPlan({amountOverdue: 35_000, instalments: {...instalments, minimumAmount: 10_000}}).map((i) => i.amount)).toEqual([11_667, 11_667, 11_666]);
		expect(instalmentPlan({amountOverdue: 18_750, instalments: {...instalments, minimumAmount: 5000}})).toHaveLength(3);
		expect(instalmentPlan({amountOverdue: 20_000, instalments: {...instalments, minimumAmount: 5000}})).toHaveLength(4);
		expect(instalmentPlan({amountOverdue: 2000, instalments})).toHaveLength(2);
		expect(instalmentPlan({amountOverdue: 1_000_000, instalments})).toHaveLength(6);
	});

	it('offers no plan when even two instalments would be under the minimum', () => {
		// ₩15,000 under a ₩10,000 minimum was shown as 2 × ₩7,500.
		expect(instalmentPlan({amountOverdue: 15_000, instalments: {...instalments, minimumAmount: 10_000}})).toEqual([]);
		expect(instalmentPlan({amountOverdue: 1999, instalments})).toEqual([]);
		expect(instalmentPlan({amountOverdue: 1, instalments})).toEqual([]);
	});

	it('falls due monthly, on the last day of a shorter month', () => {
		expect(instalmentPlan({amountOverdue: 4000, instalments: {...instalments, max: 4}}).map((i) => i.date)).toEqual([
			'2026-01-31',
			'2026-02-28',
			'2026-03-31',
			'2026-04-30',
		]);
	});
});
