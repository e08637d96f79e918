import {describe, expect, it} from 'vitest';
import {instalmentPlan} from '../../src/templates/payment-reminder/instalments';

const instalments = {max: 6, minimumAmount: 1000, firstDate: '2026-01-31', url: 'https://pay.example.com/plan'};

describe('instalmentPlan', () => {
	it('adds up exactly to the debt for every amount and plan size', () => {
		for (const amountOverdue of [1, 2, 99, 100, 101, 1001, 10_001, 18_750, 24_999, 137_500, 100_000_000, 99_999_999_999]) {
			for (const max of [2, 3, 4, 5, 6]) {
				const plan = instalmentPlan({amountOverdue, instalments: {...instalments, max}});
				expect(plan.reduce((sum, i) => sum + i.amount, 0)).toBe(amountOverdue);
				expect(plan.length).toBeGreaterThanOrEqual(2);
				expect(plan.length).toBeLessThanOrEqual(max);
				expect(plan.every((i) => Number.isInteger(i.amount))).toBe(true);
				expect(Math.max(...plan.map((i) => i.amount)) - Math.min(...plan.map((i) => i.amount))).toBeLessThanOrEqual(1);
			}
		}
	});

	it('uses as few instalments as keep each above the minimum', () => {
		expect(instalmentPlan({amountOverdue: 18_750, instalments: {...instalments, minimumAmount: 5000}})).toHaveLength(4);
		expect(instalmentPlan({amountOverdue: 1500, instalments})).toHaveLength(2);
		expect(instalmentPlan({amountOverdue: 1_000_000, instalments})).toHaveLength(6);
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
