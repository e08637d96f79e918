import type {Server} from 'node:http';
import {resolveServeUrl} from './bundle';
import {makeLogger} from '../platform/logger';
import {stopOnSignals} from '../platform/stop-signals';
import {makeMetrics} from '../platform/metrics';
import {scheduleRetentionSweep} from './retention';
import {maintenanceQueueName} from './maintenance-queue';
import {listenForMetrics} from '../platform/metrics-listener';
import {resolveBrowserExecutable} from './browser-executable';
import {loadConfig, orExitOnConfigError} from '../platform/config';
import {connectRedis} from '../platform/redis-connection';
import {watchRedisOutage} from '../platform/redis-outage';
import {watchRedisData} from '../platform/redis-data-watch';
import {warnIfRedisForgets} from '../platform/redis-durability';
import {buildServices} from '../services/build-services';
import {startRenderWorker, startWebhookWorker} from '../services/build-workers';
import {ensureSystemPackages, RENDER_PACKAGES} from '../platform/system-packages';
import {loadTenantRegistry} from '../tenants/tenant-registry';
import {useProcessTmpDir} from '../storage/work-dirs';

// The worker process: it takes render jobs with `process` in ./render-worker.ts (started below by startRenderWorker) and
// draws them with ./render-video.ts; the rest of this file is its start and its stop.
const config = orExitOnConfigError(() => loadConfig());
const logger = makeLogger({service: 'worker', level: config.logLevel});
const tenants = orExitOnConfigError(() =>
	loadTenantRegistry({file: config.tenantsFile, json: config.tenantsJson, production: config.production, devWebhook: config.devWebhook}),
);
if (!config.browserExecutable) orExitOnConfigError(() => ensureSystemPackages({packages: RENDER_PACKAGES}));
const browserExecutable = orExitOnConfigError(() => resolveBrowserExecutable(config.browserExecutable));
if (!browserExecutable) {
	logger.fatal('No Chromium found: install chromium-headless-shell or set REMOTION_BROWSER_EXECUTABLE.');
	process.exit(1);
}

const processTmp = await useProcessTmpDir();
const serveUrl = await orExitOnConfigError(() => resolveServeUrl({bundleDir: config.bundleDir, production: config.production}));
logger.info({serveUrl}, 'compositions bundle ready');
const redis = connectRedis(config.redisUrl);
watchRedisOutage({redis, url: config.redisUrl, logger});
const services = buildServices({config, redis, tenants, logger});
// A missing bucket stops the start with its name, instead of every render failing three times after "ready".
await orExitOnConfigError(() => services.storage.check());
const {store, webhookQueue} = services;
const metrics = makeMetrics();
void warnIfRedisForgets({redis, logger});
const dataWatch = watchRedisData({redis, logger, role: 'worker', prefix: services.keyPrefix, losses: metrics.redisDataLosses});
const renderWorker = await startRenderWorker({config, services, metrics, logger, serveUrl, browserExecutable});
const webhookWorker = await startWebhookWorker({config, services, metrics, logger});
const retention = await scheduleRetentionSweep({
	connection: redis,
	queueName: maintenanceQueueName(config.queueName),
	storage: services.storage,
	store,
	retentionDays: config.retentionDays,
	logger,
});
// Every worker runs it: passes on several at once queue each orphan once, by its job id.
const stopReconciler = services.reconciler.start();
/** The metrics listener once it listens; a port another worker on this host holds leaves this one without (logged). */
const listenedForMetrics = (adminKey: string): Promise<Server | undefined> =>
	new Promise((resolve) => {
		const server = listenForMetrics({metrics, adminKey, port: config.workerMetricsPort, host: config.workerMetricsHost});
		server.once('listening', () => resolve(server));
		server.once('error', (error: NodeJS.ErrnoException) => {
			const reason = error.code === 'EADDRINUSE' ? `port ${config.workerMetricsPort} is in use (another worker on this host?): set BILLCAST_WORKER_METRICS_PORT` : error.message;
			logger.warn({err: error}, `worker metrics not served: ${reason}`);
			resolve(undefined);
		});
	});
const metricsServer = config.adminKey && config.workerMetricsPort > 0 ? await listenedForMetrics(config.adminKey) : undefined;
logger.info({browserExecutable, storage: config.storage.kind === 'local' ? config.storage.dir : `s3://${config.storage.bucket}/${config.storage.prefix}`, metricsPort: metricsServer ? config.workerMetricsPort : null}, 'billcast worker ready');

/** How long a stopping worker keeps sending webhooks its last render queued; a slow receiver gets its retry elsewhere. */
const WEBHOOK_FLUSH_MS = 10_000;
/**
 * How long a stopping worker waits for a Redis that does not answer. Every step of a stop ends with a Redis command
 * (the render's result, the webhook queue's counts, closing the queues), and each waits for Redis for ever, as a running
 * worker should: with Redis gone a stop hung. A render left unfinished so is taken up again by another worker.
 */
const REDIS_GONE_MS = 5_000;
/**
 * The most a stop spends after its last render and poster end: the webhook flush and a Redis step's wait. BullMQ's
 * closes can wait for ever on a Redis that answers (after a cluster outage, a worker stopped with nothing active was
 * still alive 112 s later), which no test of Redis's health notices.
 */
const STOP_AFTER_RENDER_MS = WEBHOOK_FLUSH_MS + REDIS_GONE_MS;
const PING_EVERY_MS = 500;
/** The most a stop waits for its tmp folder to be removed. */
const TMP_REMOVAL_MS = 2_000;
/** The most a stop takes once it has given up waiting (see shutdown). */
const GIVEN_UP_EXIT_MS = 5_000;

/**
 * Resolves once Redis has not answered a PING for `ms`. A ping, not the client's status: a cluster client reports
 * `ready` while its nodes are down.
 */
const redisGoneFor = (ms: number): Promise<'redis-gone'> =>
	new Promise((resolve) => {
		let answeredAt = Date.now();
		const timer = setInterval(() => {
			redis.ping().then(() => (answeredAt = Date.now()), () => undefined);
			if (Date.now() - answeredAt < ms) return;
			clearInterval(timer);
			resolve('redis-gone');
		}, PING_EVERY_MS);
		timer.unref();
	});
const afterRenders = (): Promise<'deadline'> =>
	renderWorker.idle().then(() => new Promise((resolve) => setTimeout(() => resolve('deadline'), STOP_AFTER_RENDER_MS).unref()));

let stopping = false;
const shutdown = async (signal: string) => {
	if (stopping) return;
	stopping = true;
	logger.info({signal}, 'finishing the active render, taking no new ones');
	metricsServer?.close();
	dataWatch.stop();
	const redisGone = redisGoneFor(REDIS_GONE_MS).then((gone) => {
		logger.warn({signal}, `Redis has not answered for ${REDIS_GONE_MS / 1000} s: stopping without it`);
		return gone;
	});
	const deadline = afterRenders().then((late) => {
		logger.warn({signal}, `still stopping ${STOP_AFTER_RENDER_MS / 1000} s after the last render: stopping without waiting further`);
		return late;
	});
	const unlessStuck = <T>(step: Promise<T>): Promise<T | 'redis-gone' | 'deadline'> => Promise.race([step, redisGone, deadline]);
	// Every step below is raced against those two, yet under heavy load a worker that had given up on Redis was seen alive
	// 15 s later, with no step logged: whatever holds it, the stop ends once it has given up and this much more has passed.
	void Promise.race([redisGone, deadline]).then(() =>
		setTimeout(() => {
			logger.warn({signal}, `still stopping ${GIVEN_UP_EXIT_MS / 1000} s after giving up on Redis or the deadline: exiting`);
			process.exit(0);
		}, GIVEN_UP_EXIT_MS),
	);
	// The render first, so the webhook it ends with is queued while the delivery worker still runs.
	await unlessStuck(Promise.all([renderWorker.close(), retention.close(), stopReconciler()]));
	const flushUntil = Date.now() + WEBHOOK_FLUSH_MS;
	const pending = async () => {
		const counts = await webhookQueue.queue.getJobCounts('waiting', 'active', 'prioritized');
		return Object.values(counts).reduce((sum, count) => sum + count, 0);
	};
	while (Date.now() < flushUntil) {
		const count = await unlessStuck(pending().catch(() => 0));
		if (typeof count === 'string' || count === 0) break;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	await unlessStuck(webhookWorker.close());
	await unlessStuck(services.close());
	redis.disconnect();
	// The one step left unbounded could hold the exit: the browser a stuck render still runs may be writing its profile
	// in there. Whatever stays goes at the next worker's start on this machine, as a killed worker's folder does.
	await Promise.race([processTmp.remove().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, TMP_REMOVAL_MS))]);
	logger.info({signal}, 'worker stopped');
	process.exit(0);
};
// The browser's own signal hooks are removed (see openWarmBrowser), so a signal finishes the active render instead of
// killing its browser. Run as `node --import tsx server/worker/worker-main.ts`: an npm or tsx wrapper would take the signal.
stopOnSignals({shutdown, logger});
