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
	'long-names': {
		...utilityFixtures['en-GB'],
		customer: {...utilityFixtures['en-GB'].customer, name: LONG_NAME},
		brand: {...utilityFixtures['en-GB'].brand, name: LONG_BRAND},
	},
};
