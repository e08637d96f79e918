import {Queue, type ConnectionOptions} from 'bullmq';
import type {WebhookDeliveryStore} from './webhook-deliveries';
import type {WebhookEvent} from './webhook-events';
import {WEBHOOK_ATTEMPTS, WEBHOOK_BACKOFF, WEBHOOK_RETRY_BASE_MS} from './webhook-retry';
import {QUEUE_OPTIONS} from '../platform/redis-connection';
import {logQueueErrors} from '../platform/redis-outage';

/** The event itself stays in the delivery record, so the job is small and the API shows exactly what was sent. */
export interface WebhookJob {
	readonly deliveryId: string;
}

export interface WebhookQueue {
	readonly queue: Queue<WebhookJob>;
	/** Records the delivery as queued, then queues its first attempt; an event id already recorded is not queued again. */
	enqueue(delivery: {tenant: string; event: WebhookEvent}): Promise<void>;
	close(): Promise<void>;
}

export const makeWebhookQueue = ({
	connection,
	queueName,
	deliveries,
	retryBaseMs = WEBHOOK_RETRY_BASE_MS,
}: {
	connection: ConnectionOptions;
	queueName: string;
	deliveries: WebhookDeliveryStore;
	/** The first retry's delay; every later one is a multiple of it (see webhook-retry.ts). */
	retryBaseMs?: number;
}): WebhookQueue => {
	const queue = new Queue<WebhookJob>(queueName, {
		connection,
		...QUEUE_OPTIONS,
		defaultJobOptions: {
			attempts: WEBHOOK_ATTEMPTS,
			backoff: {type: WEBHOOK_BACKOFF, delay: retryBaseMs},
			// The delivery record keeps the history; the jobs are only the schedule.
			removeOnComplete: true,
			removeOnFail: {age: 7 * 24 * 3600},
		},
	});
	logQueueErrors(queue, connection, 'webhook queue');
	return {
		queue,
		async enqueue({tenant, event}) {
			// An event told twice is queued once: a delivery already under way or over keeps its one job. One still
			// `queued` may have lost its job to a crash right after it was recorded, and adding it again by id is harmless.
			if (!(await deliveries.create({tenant, event})) && (await deliveries.get(event.id))?.status !== 'queued') return;
			await queue.add(event.type, {deliveryId: event.id}, {jobId: event.id});
		},
		close: () => queue.close(),
	};
};
