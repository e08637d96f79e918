import express, {type Express} from 'express';
import type {Config} from '../platform/config';
import {NotFoundError} from '../platform/errors';
import {problemErrorHandler} from '../platform/problem';
import type {RenderQueue} from '../renders/render-queue';
import type {RenderStore} from '../renders/render-store';
import {makeAnalyticsRouter} from '../analytics/analytics-router';
import {makeRendersRouter} from '../renders/renders-router';
import {makeWatchRouter} from '../watch/watch-router';
import type {Redis} from 'ioredis';
import {authenticate} from '../tenants/authenticate';
import {makeBatchCompletion} from '../batches/batch-completion';
import {makeBatchStore} from '../batches/batch-store';
import {makeIdempotency} from '../platform/idempotency';
import {rateLimitPerTenant} from '../tenants/rate-limit';
import {makeBatchesRouter} from '../batches/batches-router';
import {makeMappingStore} from '../batches/mapping-store';
import {makeMappingsRouter} from '../batches/mappings-router';
import {makeDocsRouter} from './docs-router';
import {makeHealthRouter} from './health-router';
import type {TenantRegistry} from '../tenants/tenant-registry';
import type {ViewerEventsStore} from '../watch/viewer-events-store';
import {makeWatchLinks} from '../watch/watch-links';
import {makeCampaignCounters} from '../analytics/campaign-counters';
import {makeCampaignIndex} from '../analytics/campaign-index';
import {makeDashboardRouter} from '../dashboard/dashboard-router';
import {makeDashboardSessions} from '../dashboard/sessions';
import {makePaymentStore} from '../payments/payment-store';
import {makePaymentsRouter} from '../payments/payments-router';
import {makeWebhooksRouter} from '../webhooks/webhooks-router';
import {makeAdminRouter} from './admin-router';
import type {Logger} from '../platform/logger';
import type {Metrics} from '../platform/metrics';
import {requestLogging} from '../platform/request-logging';
import {verifyJsonDepth} from '../platform/json-depth';
import type {WebhookDeliveryStore} from '../webhooks/webhook-deliveries';
import {makeWebhookNotifier} from '../webhooks/webhook-notifier';
import type {WebhookQueue} from '../webhooks/webhook-queue';

export const makeApp = ({
	config,
	store,
	queue,
	events,
	redis,
	tenants,
	webhookQueue,
	deliveries,
	logger,
	metrics,
	now,
}: {
	config: Pick<Config, 'bodyLimit' | 'batchBodyLimit' | 'rendersDir' | 'publicBaseUrl' | 'watchSecret' | 'watchTtlDays' | 'adminKey'> &
		Partial<Pick<Config, 'retentionDays'>>;
	store: RenderStore;
	queue: RenderQueue;
	events: ViewerEventsStore;
	redis: Redis;
	tenants: TenantRegistry;
	webhookQueue: WebhookQueue;
	deliveries: WebhookDeliveryStore;
	logger: Logger;
	metrics: Metrics;
	/** The rate limiter's clock; tests pin it so a minute boundary cannot split their requests. */
	now?: () => number;
}): Express => {
	const log = (message: string, error: unknown) => logger.error({err: error}, message);
	const app = express();
	app.disable('x-powered-by');
	app.set('trust proxy', 'loopback');
	app.use(requestLogging({logger, metrics}));
	const json = express.json({limit: config.bodyLimit, type: ['application/json', 'application/*+json'], verify: verifyJsonDepth});
	// Batches parse their own body: NDJSON streams, and a JSON array has a larger limit.
	app.use((req, res, next) => (req.path === '/v1/batches' ? next() : json(req, res, next)));
	app.use(makeHealthRouter({redis, queue}));
	app.use(makeDocsRouter({publicBaseUrl: config.publicBaseUrl}));
	app.use(makeAdminRouter({adminKey: config.adminKey, metrics, queues: [queue.queue, webhookQueue.queue]}));
	app.use(authenticate({tenants}));
	app.use(rateLimitPerTenant({redis, now}));
	const idempotency = makeIdempotency({redis});
	const watchLinks = makeWatchLinks({secret: config.watchSecret, ttlDays: config.watchTtlDays, publicBaseUrl: config.publicBaseUrl});
	const batches = makeBatchStore({redis});
	const completion = makeBatchCompletion({redis, renderKey: store.keyOf});
	const retentionSeconds = (config.retentionDays ?? 90) * 86_400;
	const payments = makePaymentStore({redis, prefix: events.prefix, ttlSeconds: retentionSeconds});
	const campaigns = makeCampaignIndex({redis, prefix: events.prefix, ttlSeconds: retentionSeconds});
	const counters = makeCampaignCounters({redis, campaigns, prefix: events.prefix, ttlSeconds: retentionSeconds});
	const webhooks = makeWebhookNotifier({
		tenants,
		queue: webhookQueue,
		store,
		batches,
		completion,
		publicBaseUrl: config.publicBaseUrl,
		watchLinks,
		log,
	});
	app.use(makeWatchRouter({store, events, payments, counters, rendersDir: config.rendersDir, watchSecret: config.watchSecret, webhooks}));
	app.use(makeRendersRouter({store, queue, rendersDir: config.rendersDir, publicBaseUrl: config.publicBaseUrl, watchLinks, idempotency}));
	const mappings = makeMappingStore({redis});
	app.use(makeMappingsRouter({mappings}));
	app.use(
		makeBatchesRouter({
			store,
			batches,
			completion,
			webhooks,
			queue,
			idempotency,
			publicBaseUrl: config.publicBaseUrl,
			watchLinks,
			jsonLimit: config.batchBodyLimit,
			mappings,
			campaigns,
			counters,
		}),
	);
	app.use(makePaymentsRouter({store, batches, payments, campaigns, webhooks, onConfirmed: (payment, record) => counters.paid(record, payment)}));
	app.use(makeAnalyticsRouter({store, events, batches, campaigns, counters}));
	app.use(
		makeDashboardRouter({
			tenants,
			sessions: makeDashboardSessions({redis, prefix: events.prefix}),
			batches,
			campaigns,
			counters,
			secureCookies: config.publicBaseUrl.startsWith('https:'),
		}),
	);
	app.use(makeWebhooksRouter({deliveries}));
	app.use((req, _res, next) => next(new NotFoundError(`${req.method} ${req.path}`)));
	app.use(problemErrorHandler({bodyLimit: config.bodyLimit, log, redisReady: () => redis.status === 'ready'}));
	return app;
};
