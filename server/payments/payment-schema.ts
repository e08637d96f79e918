import {z} from 'zod';
import {MAX_MINOR_UNITS, TOO_LARGE} from '../../src/money';
import {fieldErrorSchema} from '../platform/problem';

/** What a tenant tells billcast about a paid bill; money in integer minor units, like every amount in the API. */
export const paymentInputSchema = z.object({
	amount: z.number().int('must be an integer of minor units (6840 for €68.40)').positive('must be more than zero').max(MAX_MINOR_UNITS, TOO_LARGE),
	currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
	paidAt: z.iso.datetime({offset: true, error: 'must be an ISO 8601 date and time such as 2026-11-21T09:30:00Z'}),
	reference: z
		.string()
		.trim()
		.min(1)
		.max(128)
		.describe("The tenant's own payment reference; the same reference again is the same payment"),
});
export type PaymentInput = z.infer<typeof paymentInputSchema>;

export const MAX_BATCH_PAYMENTS = 1_000;

export const batchPaymentEntrySchema = paymentInputSchema.extend({billNumber: z.string().trim().min(1).max(64)});

export const batchPaymentsInputSchema = z.array(batchPaymentEntrySchema).min(1).max(MAX_BATCH_PAYMENTS);

/**
 * The request as a whole, its entries checked one by one: a malformed entry is refused on its own, like one that
 * cannot settle its bill, and the others are confirmed.
 */
export const batchPaymentsShapeSchema = z.array(z.unknown()).min(1).max(MAX_BATCH_PAYMENTS);

/** A confirmed payment as stored and answered: the input plus when billcast learnt of it. */
const paymentSchema = paymentInputSchema.extend({renderId: z.string(), confirmedAt: z.string()});
export type Payment = z.infer<typeof paymentSchema>;

export const paymentResultSchema = z.object({
	status: z.enum(['confirmed', 'duplicate']).describe('duplicate: this reference was already confirmed; nothing changed'),
	payment: paymentSchema,
});
export type PaymentResult = z.infer<typeof paymentResultSchema>;

export const batchPaymentsResultSchema = z.object({
	results: z.array(
		z.discriminatedUnion('status', [
			z.object({billNumber: z.string(), status: z.enum(['confirmed', 'duplicate']), payment: paymentSchema}),
			z.object({billNumber: z.string(), status: z.literal('not_found'), detail: z.string()}),
			z.object({billNumber: z.string(), status: z.literal('conflict'), detail: z.string()}),
			z
				.object({billNumber: z.string(), status: z.literal('ambiguous'), renders: z.array(z.string()).describe('The renders of the bills with this number (the first 20)'), detail: z.string()})
				.describe('Several bills of the batch have this bill number: nothing is confirmed; confirm the payment by render'),
			z
				.object({
					billNumber: z.string().optional().describe('Absent when the entry has no valid billNumber'),
					status: z.literal('refused'),
					errors: z.array(fieldErrorSchema),
				})
				.describe('An invalid field, or a payment that cannot settle the bill: another currency, less than the bill asks for, or paidAt in the future or before the bill'),
		]),
	),
});
export type BatchPaymentsResult = z.infer<typeof batchPaymentsResultSchema>;
