import type {TemplateDefinition} from '../template-definition';
import {reminderSceneIds, type ReminderSceneId} from './reminder-scenes';
import {reminderWords} from './reminder-words';
import {paymentReminderSchema, type PaymentReminder} from './payment-reminder-schema';
import {reminderScript} from './reminder-script';
import {summarizeReminder} from './reminder-summary';
import {buildReminderTimeline} from './reminder-timeline';
import {reminderNarration} from './reminder-narration';

export const paymentReminderTemplate = {
	id: 'payment-reminder' as const,
	sceneIds: reminderSceneIds,
	words: reminderWords,
	schema: paymentReminderSchema,
	timeline: buildReminderTimeline,
	script: reminderScript,
	narration: reminderNarration,
	summary: summarizeReminder,
	// A reminder has no paid state: it keeps its scenes and only loses its pay hotspot.
	paid: (bill) => bill,
	day: (bill) => bill.reminderDate,
} satisfies TemplateDefinition<PaymentReminder, ReminderSceneId>;
