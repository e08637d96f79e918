import {LONG_BRAND, LONG_NAME} from '../../fixtures/edge-names';
import {sampleTelcoBill} from './sample-telco-bill';
import type {LineItemCategory, TelcoBill} from './telco-bill-schema';
import {telcoFixtures} from './telco-fixtures';

const categories: LineItemCategory[] = ['plan', 'addons', 'roaming', 'devices', 'one_off', 'taxes'];
const fortyItems = Array.from({length: 40}, (_, i) => ({
	category: i === 39 ? ('credits' as const) : categories[i % categories.length]!,
	label: `Item ${i + 1}`,
	amount: i === 39 ? -1500 : 100 + i * 37,
}));

/** Telco bills at the edges of what the schema allows; each must render without overflow. */
export const telcoEdgeBills: Record<string, TelcoBill> = {
	'no-line-items': {...sampleTelcoBill, lineItems: [], previousByCategory: undefined, amountDue: 4200},
	'forty-line-items': {...sampleTelcoBill, lineItems: fortyItems, amountDue: fortyItems.reduce((sum, item) => sum + item.amount, 0)},
	'credit-balance': {
		...sampleTelcoBill,
		amountDue: -1250,
		lineItems: [
			{category: 'plan', label: 'Unlimited Plus 5G', amount: 3500},
			{category: 'credits', label: 'Refund for the October outage', amount: -4750},
		],
	},
	'long-names': {
		...sampleTelcoBill,
		customer: {...sampleTelcoBill.customer, name: LONG_NAME},
		brand: {...sampleTelcoBill.brand, name: LONG_BRAND},
		lineItems: [{category: 'plan', label: `${LONG_BRAND} unlimited everything plan`, amount: 6840}],
		previousByCategory: undefined,
	},
	million: {
		...sampleTelcoBill,
		amountDue: 100_000_000,
		previousAmount: 99_000_000,
		lineItems: [
			{category: 'devices', label: 'Fleet of 400 phones', amount: 90_000_000},
			{category: 'plan', label: 'Business plan × 400', amount: 10_000_000},
		],
		previousByCategory: undefined,
	},
	krw: telcoFixtures['ko-KR'],
	'no-previous-bill': {...sampleTelcoBill, previousAmount: undefined, previousByCategory: undefined},
};
