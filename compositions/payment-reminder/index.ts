import {reminderEdgeBills} from '../../src/templates/payment-reminder/reminder-edge-bills';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import type {PaymentReminder as PaymentReminderData} from '../../src/templates/payment-reminder/payment-reminder-schema';
import type {CompositionDefinition} from '../shared/composition-definition';
import {PaymentReminder} from './payment-reminder';
import {paymentReminderStudioSchema} from './payment-reminder-schema';

export const paymentReminderComposition = {
	component: PaymentReminder,
	studioSchema: paymentReminderStudioSchema,
	fixtures: reminderFixtures,
	edges: reminderEdgeBills,
} satisfies CompositionDefinition<PaymentReminderData>;
