import type {TemplateDefinition} from '../template-definition';
import {paymentReminderSchema, type PaymentReminder} from './payment-reminder-schema';
import {reminderScript} from './reminder-script';
import {summarizeReminder} from './reminder-summary';
import {buildReminderTimeline} from './reminder-timeline';

export const paymentReminderTemplate = {
	id: 'payment-reminder' as const,
	schema: paymentReminderSchema,
	timeline: buildReminderTimeline,
	script: reminderScript,
	summary: summarizeReminder,
	day: (bill) => bill.reminderDate,
} satisfies TemplateDefinition<PaymentReminder>;
