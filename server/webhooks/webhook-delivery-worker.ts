import {UnrecoverableError, Worker, type Job, type MinimalJob} from 'bullmq';
import {KEY_TAG, type RedisClient} from '../platform/redis-connection';
import {WebhookDeliveryFailedError} from '../platform/errors';
import {isOutboundRefusal, makeOutboundGuard, OutboundAddressError, outboundPolicyFromEnv, type OutboundGuard} from '../platform/outbound-guard';
import type {TenantWebhook} from '../tenants/tenant';
import type {TenantRegistry} from '../tenants/tenant-registry';
import type {WebhookAttempt, WebhookDeliveryStore} from './webhook-deliveries';
import type {WebhookEvent} from './webhook-events';
import type {WebhookJob} from './webhook-queue';
import type {Logger} from '../platform/logger';
import type {Metrics} from '../platform/metrics';
import {WEBHOOK_RETRY_BASE_MS, webhookRetryDelayMs} from './webhook-retry';
import {signWebhook, WEBHOOK_SIGNATURE_HEADER} from './webhook-signature';
import {logQueueErrors} from '../platform/redis-outage';

/** A receiver should answer at once and do its work later; one that takes longer counts as failed and is retried. */
const TIMEOUT_MS = 10_000;

/** The base the job was queued with, so the API and the worker always agree on the schedule. */
const retryBaseOf = (job: Pick<MinimalJob, 'opts'> | undefined): number => {
	const backoff = job?.opts.backoff;
	return typeof backoff === 'object' && backoff.delay !== undefined ? backoff.delay : WEBHOOK_RETRY_BASE_MS;
};

/** One signed POST; never throws, so every attempt is recorded whatever happened. */
const post = async ({
	webhook,
	event,
	attempt,
	outbound,
}: {
	webhook: TenantWebhook;
	event: WebhookEvent;
	attempt: number;
	outbound: OutboundGuard;
}): Promise<WebhookAttempt> => {
	const body = JSON.stringify(event);
	const at = new Date();
	const started = performance.now();
	const took = () => Math.round(performance.now() - started);
	try {
		const response = await outbound.fetch(webhook.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'user-agent': 'billcast-webhooks/1',
				[WEBHOOK_SIGNATURE_HEADER]: signWebhook({secret: webhook.secret, body, now: at}),
			},
			body,
			// A redirect is not an answer: following it would send the signed event somewhere the tenant did not name.
			redirect: 'manual',
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		await response.body?.cancel();
		return {attempt, at: at.toISOString(), durationMs: took(), url: webhook.url, type: 'response', statusCode: response.status};
	} catch (error) {
		if (isOutboundRefusal(error)) {
			return {attempt, at: at.toISOString(), durationMs: took(), url: webhook.url, type: 'error', error: new OutboundAddressError(webhook.url).message};
		}
		const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
		const message = error instanceof Error ? `${error.message}${cause}` : String(error);
		return {attempt, at: at.toISOString(), durationMs: took(), url: webhook.url, type: 'error', error: message};
	}
};

/** Posts queued events to the tenants' webhooks, recording every attempt, and retries on the schedule of webhook-retry.ts. */
export const makeWebhookDeliveryWorker = async ({
	connection,
	queueName,
	deliveries,
	tenants,
	metrics,
	logger,
	concurrency = 8,
	outbound = makeOutboundGuard({policy: outboundPolicyFromEnv()}),
}: {
	connection: RedisClient;
	queueName: string;
	deliveries: WebhookDeliveryStore;
	tenants: TenantRegistry;
	metrics: Metrics;
	logger: Logger;
	concurrency?: number;
	/** Checks every connection's address; by default with the policy of the environment (BILLCAST_ALLOW_PRIVATE_OUTBOUND). */
	outbound?: OutboundGuard;
}) => {
	const process = async (job: Job<WebhookJob>): Promise<void> => {
		const id = job.data.deliveryId;
		const delivery = await deliveries.get(id);
		if (!delivery) throw new UnrecoverableError(`Webhook delivery ${id} no longer exists.`);
		// Read at every attempt, so a changed URL or secret applies to the retries still to come.
		const webhook = tenants.byId(delivery.tenant)?.webhook;
		if (!webhook) {
			const reason = `Tenant ${delivery.tenant} has no webhook configured any more.`;
			await deliveries.record({id, state: {status: 'failed', failedAt: new Date().toISOString(), reason}});
			throw new UnrecoverableError(reason);
		}
		const attempts = job.attemptsMade + 1;
		const attempt = await post({webhook, event: delivery.event, attempt: attempts, outbound});
		if (attempt.type === 'response' && attempt.statusCode >= 200 && attempt.statusCode < 300) {
			await deliveries.record({id, attempt, state: {status: 'delivered', deliveredAt: new Date().toISOString()}});
			metrics.webhookDeliveries.inc({result: 'delivered'});
			return;
		}
		const outcome = attempt.type === 'response' ? `answered ${attempt.statusCode}` : `failed: ${attempt.error}`;
		const final = attempts >= (job.opts.attempts ?? 1);
		const delayMs = webhookRetryDelayMs({attemptsMade: attempts, baseMs: retryBaseOf(job)});
		await deliveries.record({
			id,
			attempt,
			state: final
				? {status: 'failed', failedAt: new Date().toISOString(), reason: `No 2xx answer in ${attempts} attempts; the last ${outcome}.`}
				: {status: 'retrying', nextAttemptAt: new Date(Date.now() + delayMs).toISOString()},
		});
		metrics.webhookDeliveries.inc({result: final ? 'failed' : 'retrying'});
		logger.warn({deliveryId: id, tenant: delivery.tenant, attempt: attempts, final}, `webhook attempt ${outcome}`);
		throw new WebhookDeliveryFailedError(`Attempt ${attempts} of webhook delivery ${id} ${outcome}.`);
	};

	const worker = new Worker<WebhookJob>(queueName, process, {
		connection,
		prefix: KEY_TAG,
		concurrency,
		settings: {backoffStrategy: (attemptsMade, _type, _error, job) => webhookRetryDelayMs({attemptsMade, baseMs: retryBaseOf(job)})},
	});
	logQueueErrors(worker, connection, 'webhook worker');
	// Closed while starting, a BullMQ worker throws an unhandled error (see makeRenderWorker).
	await worker.waitUntilReady();
	return {
		worker,
		close: async () => {
			await worker.close();
			await outbound.close();
		},
	};
};
