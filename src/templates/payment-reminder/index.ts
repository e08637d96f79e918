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
	// Its scenes say the amount was received instead of asking for it, on the timeline the voice was made for.
	paid: (bill) => ({...bill, paid: true}),
	day: (bill) => bill.reminderDate,
} satisfies TemplateDefinition<PaymentReminder, ReminderSceneId>;
