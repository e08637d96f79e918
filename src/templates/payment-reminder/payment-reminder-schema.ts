import {z} from 'zod';
import {messageVariantSchema} from '../../message-variants';
import {areDates, brandSchema, checkNotBefore, customerSchema, shownText, httpUrl, isoDate, minorUnits, paymentHistorySchema} from '../../bill-fields';

/** What happens next when the bill stays unpaid; each is stated plainly in the video, never as a threat. */
const nextStepKinds = ['late_fee', 'service_limited', 'final_notice'] as const;
export type NextStepKind = (typeof nextStepKinds)[number];

export const paymentReminderSchema = z
	.strictObject({
		customer: customerSchema,
		billNumber: shownText(64),
		/** The day the reminder is sent, after the original due date; days overdue count from that date to this day. */
		reminderDate: isoDate,
		originalDueDate: isoDate,
		/** The wording of the overdue scene; a batch experiment sets it per bill. */
		messageVariant: messageVariantSchema.optional(),
		amountOverdue: minorUnits.refine((n) => n > 0, 'must be more than zero: a reminder is for an amount owed'),
		nextStep: z.strictObject({
			kind: z.enum(nextStepKinds),
			date: isoDate,
			/** The late fee, for `late_fee`. */
			fee: minorUnits.optional(),
		}),
		instalments: z.strictObject({
			/** The most instalments the customer may choose (2 to 6). */
			max: z.number().int().min(2).max(6),
			/**
			 * The smallest instalment the supplier accepts: the plan has the most instalments (2 to `max`) that keep each
			 * at or above it, and a debt under twice this amount is offered no plan.
			 */
			minimumAmount: minorUnits.refine((n) => n > 0, 'must be more than zero'),
			firstDate: isoDate,
			url: httpUrl,
		}),
		payUrl: httpUrl,
		paymentHistory: paymentHistorySchema.optional(),
		/** A phone number in international form, e.g. +44 20 7946 0000. */
		phone: z.string().regex(/^\+?[0-9 ()-]{6,24}$/, 'must be a phone number such as +44 20 7946 0000'),
		brand: brandSchema,
	})
	.superRefine((reminder, ctx) => {
		// On the due date itself the video would say "0 days overdue".
		if (areDates(reminder.reminderDate, reminder.originalDueDate) && reminder.reminderDate <= reminder.originalDueDate) {
			ctx.addIssue({
				code: 'custom',
				path: ['reminderDate'],
				message: `must be after originalDueDate (${reminder.originalDueDate}): a reminder is for a payment already late`,
			});
		}
		// The video tells of these as still to come, on the day the reminder is sent.
		const sent = {name: 'reminderDate', date: reminder.reminderDate};
		checkNotBefore({ctx, path: ['nextStep', 'date'], date: reminder.nextStep.date, earliest: sent});
		checkNotBefore({ctx, path: ['instalments', 'firstDate'], date: reminder.instalments.firstDate, earliest: sent});
		if (reminder.nextStep.kind === 'late_fee' && reminder.nextStep.fee === undefined) {
			ctx.addIssue({code: 'custom', path: ['nextStep', 'fee'], message: 'is required when the next step is a late fee'});
		}
	});

/**
 * A reminder as its scenes draw it. `paid` is not part of the schema, so the API never takes it: a reminder is sent
 * unpaid, and only a confirmed payment (POST /v1/renders/:id/payment) makes the live player draw it paid
 * (`paymentReminderTemplate.paid`), on the same timeline the voice was made for.
 */
export type PaymentReminder = z.infer<typeof paymentReminderSchema> & {readonly paid?: boolean | undefined};
