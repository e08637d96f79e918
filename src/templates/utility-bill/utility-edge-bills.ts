import {LONG_BRAND, LONG_NAME} from '../../fixtures/edge-names';
import type {UtilityBill} from './utility-bill-schema';
import {utilityFixtures} from './utility-fixtures';

/** Utility bills at the edges of what the schema allows; each must render without overflow. */
export const utilityEdgeBills: Record<string, UtilityBill> = {
	'credit-balance': {
		...utilityFixtures['en-GB'],
		amountDue: -2300,
		cost: {energy: -4000, network: 1200, taxes: 500},
	},
	million: {
		...utilityFixtures['en-GB'],
		amountDue: 100_000_000,
		cost: {energy: 70_000_000, network: 20_000_000, taxes: 10_000_000},
	},
	'one-reading': {
		...utilityFixtures['en-GB'],
		consumption: [{periodEnd: '2026-10-31', amount: 285}],
		samePeriodLastYear: undefined,
		similarHomes: undefined,
	},
	'two-monthly': {
		...utilityFixtures['ko-KR'],
		// Two-monthly readings over two years: each month comes twice, so the chart must say which year it is.
		consumption: ['2024-12-31', '2025-02-28', '2025-04-30', '2025-06-30', '2025-08-31', '2025-10-31', '2025-12-31', '2026-02-28', '2026-04-30', '2026-06-30', '2026-08-31', '2026-10-31'].map(
			(periodEnd, index) => ({periodEnd, amount: 34 + ((index * 7) % 11)}),
		),
		samePeriodLastYear: 36,
		similarHomes: 38,
	},
	'two-readings': {
		...utilityFixtures['it-IT'],
		consumption: [
			{periodEnd: '2026-08-31', amount: 115},
			{periodEnd: '2026-10-31', amount: 245},
		],
	},
	'water-nothing-used': {
		...utilityFixtures['en-GB'],
		kind: 'water',
		consumption: [{periodEnd: '2026-10-31', amount: 0}],
		samePeriodLastYear: undefined,
		similarHomes: undefined,
	},
	'long-names': {
		...utilityFixtures['en-GB'],
		customer: {...utilityFixtures['en-GB'].customer, name: LONG_NAME},
		brand: {...utilityFixtures['en-GB'].brand, name: LONG_BRAND},
	},
};
