import {z} from 'zod';
import {batchStatusSchema} from '../batches/batch-view-schema';
import {renderViewSchema} from '../renders/render-view-schema';

const eventBase = {
	id: z.string().describe('evt_ and 32 hex digits; the same on every retry, so a receiver can drop a duplicate'),
	createdAt: z.string(),
};

/**
 * What billcast posts to a tenant's webhook. Personal data is kept to ids and links (no name, no amount): the tenant
 * holds the bill, and a receiver's logs should not become a second copy of it. The render and the batch are exactly as
 * `GET /v1/renders/:id` and `GET /v1/batches/:id` answer them, so a receiver parses one shape from both; only a batch's
 * refused lines may quote a sum that did not add up.
 */
export const webhookEventSchema = z
	.discriminatedUnion('type', [
		z.object({...eventBase, type: z.literal('render.completed'), data: z.object({render: renderViewSchema})}),
		z.object({...eventBase, type: z.literal('render.failed'), data: z.object({render: renderViewSchema})}),
		z.object({...eventBase, type: z.literal('batch.completed'), data: z.object({batch: batchStatusSchema})}),
		z.object({
			...eventBase,
			type: z.literal('payment.clicked'),
			data: z.object({render: renderViewSchema, hotspot: z.string().optional().describe('The pay hotspot pressed, when the player names it')}),
		}),
		// The amount stays out, like every amount; the reference lets the tenant match the payment.
		z.object({
			...eventBase,
			type: z.literal('payment.confirmed'),
			data: z.object({render: renderViewSchema, payment: z.object({reference: z.string(), paidAt: z.string()})}),
		}),
	])
	.describe('The body of a webhook POST, signed in the Billcast-Signature header');

export type WebhookEvent = z.infer<typeof webhookEventSchema>;
export const webhookEventTypes = webhookEventSchema.options.map((option) => option.shape.type.value);

/** Omit applied to each member on its own, so the union stays discriminated by `type`. */
export type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before it has an id and a time. */
export type WebhookEventContent = OmitEach<WebhookEvent, 'id' | 'createdAt'>;
