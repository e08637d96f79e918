import {KEY_TAG, type RedisClient} from '../platform/redis-connection';
import {makeCampaignCounters} from '../analytics/campaign-counters';
import {makeCampaignIndex} from '../analytics/campaign-index';
import {countingProduced} from '../analytics/produced-counts';
import {makeBatchCompletion} from '../batches/batch-completion';
import {makeBatchStore} from '../batches/batch-store';
import {makeMappingStore} from '../batches/mapping-store';
import {makePaymentStore} from '../payments/payment-store';
import type {Config} from '../platform/config';
import {makeIdempotency} from '../platform/idempotency';
import type {Logger} from '../platform/logger';
import {makePosterQueue} from '../renders/on-demand-poster-queue';
import {makeRenderQueue} from '../renders/render-queue';
import {makeRenderReconciler} from '../renders/render-reconciler';
import {makeNarrationQueue, narratingAhead} from '../voice/narration-queue';
import {makeMusicBedStore} from '../voice/music-bed-store';
import {makeRenderStore} from '../renders/render-store';
import type {TenantRegistry} from '../tenants/tenant-registry';
import {makeViewerEventsStore} from '../watch/viewer-events-store';
import {makeWatchLinks} from '../watch/watch-links';
import {makeWebhookDeliveryStore} from '../webhooks/webhook-deliveries';
import {makeWebhookNotifier} from '../webhooks/webhook-notifier';
import {makeWebhookQueue} from '../webhooks/webhook-queue';
import {makePayClickGate} from '../webhooks/pay-click-gate';
import {makeStorage} from '../storage/make-storage';
import {makeOutputSender} from '../storage/output-sender';
import type {RenderStorage} from '../storage/render-storage';

export type ServicesConfig = Pick<Config, 'publicBaseUrl' | 'watchSecret' | 'watchTtlDays' | 'retentionDays' | 'queueName' | 'webhookQueueName' | 'storage'>;

/**
 * The one composition root of billcast's stores, queues and notifier: the API, the worker and the test stacks all build
 * them here, so a render written by one is read the same way by the others. Every Redis key starts with `keyPrefix`
 * (`{billcast}:`, in the queues' Redis Cluster slot); tests give each stack its own so files never mix.
 */
export const buildServices = ({
	config,
	redis,
	tenants,
	logger,
	keyPrefix = `${KEY_TAG}:`,
	recordTtl = true,
	webhookRetryBaseMs,
	storage = makeStorage(config.storage),
}: {
	config: ServicesConfig;
	redis: RedisClient;
	tenants: TenantRegistry;
	logger: Logger;
	keyPrefix?: string;
	/** Render records expire after the retention period; tests keep theirs for the stack's life. */
	recordTtl?: boolean;
	/** A short base lets a test watch webhook retries in milliseconds instead of the production 30 s. */
	webhookRetryBaseMs?: number;
	/** Built from `config.storage` unless a test hands in its own. */
	storage?: RenderStorage;
}) => {
	const retentionSeconds = config.retentionDays * 86_400;
	const campaigns = makeCampaignIndex({redis, prefix: keyPrefix, ttlSeconds: retentionSeconds});
	const counters = makeCampaignCounters({redis, campaigns, prefix: keyPrefix, ttlSeconds: retentionSeconds});
	const store = countingProduced(makeRenderStore({redis, prefix: `${keyPrefix}render:`, ...(recordTtl ? {ttlSeconds: retentionSeconds} : {})}), counters);
	const narrations = makeNarrationQueue({connection: redis, renderQueueName: config.queueName});
	const queue = narratingAhead(makeRenderQueue({connection: redis, queueName: config.queueName}), narrations);
	const posters = makePosterQueue({connection: redis, renderQueueName: config.queueName});
	const events = makeViewerEventsStore({redis, prefix: keyPrefix, ttlSeconds: retentionSeconds});
	const deliveries = makeWebhookDeliveryStore({redis, prefix: `${keyPrefix}webhook:`});
	const webhookQueue = makeWebhookQueue({connection: redis, queueName: config.webhookQueueName, deliveries, retryBaseMs: webhookRetryBaseMs});
	const batches = makeBatchStore({redis, prefix: `${keyPrefix}batch:`, ttlSeconds: retentionSeconds});
	const completion = makeBatchCompletion({redis, renderKey: store.keyOf, prefix: `${keyPrefix}batch:`});
	const watchLinks = makeWatchLinks({secret: config.watchSecret, ttlDays: config.watchTtlDays, publicBaseUrl: config.publicBaseUrl});
	const payments = makePaymentStore({redis, prefix: keyPrefix, ttlSeconds: retentionSeconds});
	return {
		redis,
		tenants,
		store,
		queue,
		/** Also closed by `queue`, which asks it for every render's narration. */
		narrations,
		posters,
		events,
		deliveries,
		webhookQueue,
		batches,
		completion,
		watchLinks,
		campaigns,
		counters,
		storage,
		/** Tenants' uploaded music beds, in the same storage, which every worker reads. */
		musicBeds: makeMusicBedStore({storage}),
		/** How the API answers a stored output: `stream` for the local folder, as configured for S3. */
		outputs: makeOutputSender({storage, mode: config.storage.kind === 's3' ? config.storage.serve : 'stream'}),
		payments,
		mappings: makeMappingStore({redis, prefix: `${keyPrefix}mapping:`}),
		idempotency: makeIdempotency({redis, prefix: `${keyPrefix}idempotency:`}),
		reconciler: makeRenderReconciler({redis, store, queue, logger}),
		keyPrefix,
		webhooks: makeWebhookNotifier({
			tenants,
			queue: webhookQueue,
			store,
			batches,
			completion,
			publicBaseUrl: config.publicBaseUrl,
			watchLinks,
			payments,
			payClicks: makePayClickGate({redis, prefix: `${keyPrefix}webhook:`}),
			log: (message, error) => logger.error({err: error}, message),
		}),
		async close(): Promise<void> {
			await Promise.all([queue.close(), posters.close(), webhookQueue.close()]);
		},
	};
};

export type Services = ReturnType<typeof buildServices>;
