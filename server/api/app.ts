import express, {type Express} from 'express';
import type {Config} from '../platform/config';
import {NotFoundError} from '../platform/errors';
import {problemErrorHandler} from '../platform/problem';
import {makeAnalyticsRouter} from '../analytics/analytics-router';
import {makeOnDemandOutputs} from '../renders/on-demand-outputs';
import {makeRendersRouter} from '../renders/renders-router';
import {makeWatchRouter} from '../watch/watch-router';
import {authenticate} from '../tenants/authenticate';
import {rateLimitPerTenant} from '../tenants/rate-limit';
import {makeBatchesRouter} from '../batches/batches-router';
import {makeMappingsRouter} from '../batches/mappings-router';
import {makeMusicBedRouter} from '../voice/music-bed-router';
import {makeDocsRouter} from './docs-router';
import {makeHealthRouter} from './health-router';
import {makeDashboardRouter} from '../dashboard/dashboard-router';
import {makeDashboardSessions} from '../dashboard/sessions';
import {makePaymentsRouter} from '../payments/payments-router';
import {makeWebhooksRouter} from '../webhooks/webhooks-router';
import {makeAdminRouter} from './admin-router';
import type {Logger} from '../platform/logger';
import type {Metrics} from '../platform/metrics';
import {requestLogging} from '../platform/request-logging';
import type {Services} from '../services/build-services';
import {verifyJsonBody} from '../platform/require-json';

export const makeApp = ({
	config,
	services,
	logger,
	metrics,
	now,
}: {
	config: Pick<Config, 'bodyLimit' | 'batchBodyLimit' | 'publicBaseUrl' | 'watchSecret' | 'adminKey'>;
	services: Services;
	logger: Logger;
	metrics: Metrics;
	/** The clock of the rate limiter's minute and the watch page's day; tests pin it so neither hangs on when they run. */
	now?: () => number;
}): Express => {
	const {redis, tenants, store, queue, events, deliveries, batches, completion, watchLinks, campaigns, counters, payments, mappings, idempotency, webhooks} =
		services;
	const log = (message: string, error: unknown) => logger.error({err: error}, message);
	const app = express();
	app.disable('x-powered-by');
	app.set('trust proxy', 'loopback');
	app.use(requestLogging({logger, metrics}));
	// Not strict: `null` or `"text"` is JSON too, and the route's schema names what it expected instead of body-parser's
	// "Unexpected token" 400.
	const json = express.json({limit: config.bodyLimit, type: ['application/json', 'application/*+json'], verify: verifyJsonBody, strict: false});
	// Batches parse their own body: NDJSON streams, and a JSON array has a larger limit.
	app.use((req, res, next) => (req.path === '/v1/batches' ? next() : json(req, res, next)));
	app.use(makeHealthRouter({redis, queue, keyPrefix: services.keyPrefix}));
	app.use(makeDocsRouter({publicBaseUrl: config.publicBaseUrl}));
	app.use(makeAdminRouter({adminKey: config.adminKey, metrics, queues: metrics.queues}));
	app.use(authenticate({tenants}));
	app.use(rateLimitPerTenant({redis, now, prefix: `${services.keyPrefix}ratelimit:`}));
	const {storage, outputs} = services;
	const onDemand = makeOnDemandOutputs({store, queue, posters: services.posters, storage, outputs});
	app.use(makeWatchRouter({store, events, payments, counters, storage, outputs, watchSecret: config.watchSecret, webhooks, onDemand, tenants, narrations: services.narrations, now}));
	app.use(makeRendersRouter({store, queue, storage, outputs, publicBaseUrl: config.publicBaseUrl, watchLinks, idempotency, onDemand}));
	app.use(makeMappingsRouter({mappings}));
	app.use(makeMusicBedRouter({beds: services.musicBeds}));
	app.use(
		makeBatchesRouter({
			store,
			batches,
			completion,
			webhooks,
			queue,
			posters: services.posters,
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
			sessions: makeDashboardSessions({redis, prefix: services.keyPrefix}),
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
