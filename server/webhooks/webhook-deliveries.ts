import type {RedisClient} from '../platform/redis-connection';
import {z} from 'zod';
import {webhookEventSchema, type OmitEach, type WebhookEvent} from './webhook-events';

const attemptBase = {
	attempt: z.number().int().min(1),
	at: z.string(),
	durationMs: z.number().int().min(0),
	url: z.url(),
};

/** One POST to the tenant's webhook: its answer, or why there was none (refused, timed out, DNS...). */
const webhookAttemptSchema = z.discriminatedUnion('type', [
	z.object({...attemptBase, type: z.literal('response'), statusCode: z.number().int()}),
	z.object({...attemptBase, type: z.literal('error'), error: z.string().describe('No answer: refused, timed out after 10 s, DNS...')}),
]);

const deliveryBase = {
	id: z.string().describe("The event's id"),
	event: webhookEventSchema,
	createdAt: z.string(),
	attempts: z.array(webhookAttemptSchema),
};

/** Queued until the first attempt; retrying after a failed one; delivered on a 2xx; failed once billcast gives up. */
export const webhookDeliverySchema = z.discriminatedUnion('status', [
	z.object({...deliveryBase, status: z.literal('queued')}),
	z.object({...deliveryBase, status: z.literal('retrying'), nextAttemptAt: z.string()}),
	z.object({...deliveryBase, status: z.literal('delivered'), deliveredAt: z.string()}),
	z.object({...deliveryBase, status: z.literal('failed'), failedAt: z.string(), reason: z.string()}),
]);

export const webhookDeliveryListSchema = z.object({deliveries: z.array(webhookDeliverySchema).describe('Newest first')});

export type WebhookAttempt = z.infer<typeof webhookAttemptSchema>;
/** A delivery as the API shows it to its tenant. */
export type WebhookDeliveryView = z.infer<typeof webhookDeliverySchema>;
/** A delivery as stored: the view and the tenant it belongs to. */
export type WebhookDelivery = WebhookDeliveryView & {readonly tenant: string};
export type WebhookDeliveryState = OmitEach<WebhookDeliveryView, keyof typeof deliveryBase>;

/** Long enough to look back on a whole day of retries, short enough that the events' links do not pile up. */
const RETENTION_SECONDS = 7 * 24 * 3600;

/** Deliveries as JSON, one key each, and per tenant a sorted set of their ids by creation time. */
export const makeWebhookDeliveryStore = ({redis, prefix}: {redis: RedisClient; prefix: string}) => {
	const key = (id: string) => `${prefix}delivery:${id}`;
	const tenantKey = (tenant: string) => `${prefix}tenant:${tenant}`;
	const get = async (id: string): Promise<WebhookDelivery | undefined> => {
		const raw = await redis.get(key(id));
		return raw ? (JSON.parse(raw) as WebhookDelivery) : undefined;
	};
	return {
		get,
		/**
		 * Records the delivery as queued; false when a delivery of this event id exists already (an event with an id
		 * derived from a render, told again by a job BullMQ ran twice), which is left as it is.
		 */
		async create({tenant, event}: {tenant: string; event: WebhookEvent}): Promise<boolean> {
			const delivery: WebhookDelivery = {id: event.id, tenant, event, createdAt: event.createdAt, attempts: [], status: 'queued'};
			if ((await redis.set(key(event.id), JSON.stringify(delivery), 'EX', RETENTION_SECONDS, 'NX')) !== 'OK') return false;
			const now = Date.now();
			await redis
				.multi()
				.zadd(tenantKey(tenant), now, event.id)
				.zremrangebyscore(tenantKey(tenant), '-inf', now - RETENTION_SECONDS * 1000)
				.expire(tenantKey(tenant), RETENTION_SECONDS)
				.exec();
			return true;
		},
		/** Only the job's one worker writes a delivery at a time (BullMQ locks the job), so read-then-write is safe. */
		async record({id, attempt, state}: {id: string; attempt?: WebhookAttempt; state: WebhookDeliveryState}): Promise<void> {
			const current = await get(id);
			if (!current) return;
			const {id: _, tenant, event, createdAt, attempts} = current;
			const next: WebhookDelivery = {id, tenant, event, createdAt, attempts: attempt ? [...attempts, attempt] : attempts, ...state};
			await redis.set(key(id), JSON.stringify(next), 'KEEPTTL');
		},
		/** The tenant's deliveries, newest first. */
		async list({tenant, limit}: {tenant: string; limit: number}): Promise<WebhookDelivery[]> {
			const ids = await redis.zrevrange(tenantKey(tenant), 0, limit - 1);
			if (ids.length === 0) return [];
			const raws = await redis.mget(ids.map(key));
			return raws.flatMap((raw) => (raw ? [JSON.parse(raw) as WebhookDelivery] : []));
		},
	};
};

export type WebhookDeliveryStore = ReturnType<typeof makeWebhookDeliveryStore>;
