import {LONG_BRAND, LONG_NAME} from '../../fixtures/edge-names';
import type {PaymentReminder} from './payment-reminder-schema';
import {reminderFixtures} from './reminder-fixtures';

/** Payment reminders at the edges of what the schema allows; each must render without overflow. */
export const reminderEdgeBills: Record<string, PaymentReminder> = {
	million: {...reminderFixtures['en-GB'], amountOverdue: 100_000_000},
	'long-names': {
		...reminderFixtures['en-GB'],
		customer: {...reminderFixtures['en-GB'].customer, name: LONG_NAME},
		brand: {...reminderFixtures['en-GB'].brand, name: LONG_BRAND},
	},
	'odd-cents': {...reminderFixtures['it-IT'], amountOverdue: 10_001},
	// Under twice the smallest instalment: no plan scene, and two buttons where there are usually three.
	'no-plan': {...reminderFixtures['ko-KR'], amountOverdue: 15_000, instalments: {...reminderFixtures['ko-KR'].instalments, minimumAmount: 10_000}},
};
