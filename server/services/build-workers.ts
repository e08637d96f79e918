import {join} from 'node:path';
import type {Config} from '../platform/config';
import type {Logger} from '../platform/logger';
import type {Metrics} from '../platform/metrics';
import type {OutboundGuard} from '../platform/outbound-guard';
import {makeWebhookDeliveryWorker} from '../webhooks/webhook-delivery-worker';
import {makeRenderWorker} from '../worker/render-worker';
import type {Services} from './build-services';

type WorkersConfig = Pick<Config, 'webhookQueueName' | 'workerConcurrency' | 'dataDir'>;

/** What a test changes in a render worker to see in seconds what production takes minutes for: locks, retry waits, DNS. */
export type RenderWorkerTuning = Pick<Parameters<typeof makeRenderWorker>[0], 'locks' | 'retryBaseMs' | 'outbound'>;

interface WorkerParts {
	config: WorkersConfig;
	services: Services;
	metrics: Metrics;
	logger: Logger;
}

/**
 * The worker half of the composition root: `npm run worker` (and so `npm start`) and the test stacks build their
 * workers here from the same services, so a test renders with the narration, speech cache and concurrency a user's
 * worker has.
 */
export const startRenderWorker = ({
	config,
	services,
	metrics,
	logger,
	serveUrl,
	browserExecutable,
	tuning,
}: WorkerParts & {serveUrl: string; browserExecutable: string; tuning?: RenderWorkerTuning}) =>
	makeRenderWorker({
		connection: services.redis,
		queue: services.queue,
		serveUrl,
		storage: services.storage,
		browserExecutable,
		store: services.store,
		webhooks: services.webhooks,
		metrics,
		logger,
		concurrency: config.workerConcurrency,
		narrationFor: (tenantId) => services.tenants.byId(tenantId)?.narration,
		speechCacheDir: join(config.dataDir, 'speech-cache'),
		...tuning,
	});

/** Deliveries run beside the renders, in their own queue and worker, so every worker process sends them. */
export const startWebhookWorker = ({config, services, metrics, logger, outbound}: WorkerParts & {outbound?: OutboundGuard}) =>
	makeWebhookDeliveryWorker({
		connection: services.redis,
		queueName: config.webhookQueueName,
		deliveries: services.deliveries,
		tenants: services.tenants,
		metrics,
		logger,
		outbound,
	});
