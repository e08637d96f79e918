import {makeApp} from './app';
import {makeLogger} from '../platform/logger';
import {makeMetrics} from '../platform/metrics';
import {loadConfig, orExitOnConfigError} from '../platform/config';
import {createServer} from 'node:http';
import {answerClientErrorsWithProblems} from '../platform/problem';
import {connectApiRedis} from '../platform/redis-connection';
import {watchRedisData} from '../platform/redis-data-watch';
import {watchRedisOutage} from '../platform/redis-outage';
import {warnIfRedisForgets} from '../platform/redis-durability';
import {buildServices} from '../services/build-services';
import {stopOnSignals} from '../platform/stop-signals';
import {endEventStreams} from '../renders/renders-router';
import {removeDeadProcessesDirs} from '../storage/work-dirs';
import {loadTenantRegistry} from '../tenants/tenant-registry';
import {requireBuiltPlayer} from '../watch/player-bundle';
import {openMaintenanceQueue} from '../worker/maintenance-queue';

/** Node's default, stated so the limit behind the 431 answer is visible here. */
const MAX_HEADER_BYTES = 16 * 1024;

const config = orExitOnConfigError(() => loadConfig());
if (config.production) requireBuiltPlayer();
// The API never blocks on Redis (workers do), so all of it uses the fail-fast connection: a 503 while Redis is away.
const redis = connectApiRedis(config.redisUrl);
const logger = makeLogger({service: 'api', level: config.logLevel});
const tenants = orExitOnConfigError(() =>
	loadTenantRegistry({file: config.tenantsFile, json: config.tenantsJson, production: config.production, devWebhook: config.devWebhook}),
);
const services = buildServices({config, redis, tenants, logger});
// A missing bucket stops the start with its name, instead of every file answering 500 after a "listening".
await orExitOnConfigError(() => services.storage.check());
// Every queue a job can fail in, so /metrics and the queue dashboard show narrations, posters and sweeps too.
const maintenanceQueue = openMaintenanceQueue({connection: redis, renderQueueName: config.queueName});
const metrics = makeMetrics({
	queues: [services.queue.queue, services.narrations.queue, services.posters.queue, services.webhookQueue.queue, maintenanceQueue],
});
const app = makeApp({config, services, logger, metrics});

// Redis errors are answered per request as 503; the outage itself is logged once, then every 30 s, then its end.
watchRedisOutage({redis, url: config.redisUrl, logger});
void warnIfRedisForgets({redis, logger});
// A music bed upload works in a folder of its own: one left by a killed API on this machine goes now.
void removeDeadProcessesDirs().catch((error: unknown) => logger.warn({err: error}, 'leftover work folders not removed'));
const dataWatch = watchRedisData({redis, logger, role: 'api', prefix: services.keyPrefix, losses: metrics.redisDataLosses});

const server = answerClientErrorsWithProblems(createServer({maxHeaderSize: MAX_HEADER_BYTES}, app));
// One sentence, as npm start says it (server/dev/start.ts): the error's stack names only Node's internals.
server.once('error', (error: NodeJS.ErrnoException) => {
	console.error(
		error.code === 'EADDRINUSE'
			? `Port ${config.port} on ${config.host} is already in use. Stop what holds it, or start on another port: PORT=${config.port + 1} npm run api`
			: `The API cannot listen on ${config.host}:${config.port}: ${error.message}`,
	);
	process.exit(1);
});
server.listen(config.port, config.host, () => {
	logger.info({host: config.host, port: config.port, publicBaseUrl: config.publicBaseUrl}, 'billcast API listening');
});

/**
 * How long a stopping API lets the requests under way finish (a video's download, a batch's upload); its load balancer
 * sends it no new ones meanwhile. Event streams do not wait for it: they end at once (endEventStreams). A connection
 * still open after it is cut, as a client that stopped reading would otherwise hold the stop for ever.
 */
const REQUEST_GRACE_MS = 10_000;
/** How long a stop waits for its queues' close, which can wait for ever on a Redis that answers (see worker-main.ts). */
const CLOSE_QUEUES_MS = 5_000;

const within = <T>(ms: number, step: Promise<T>): Promise<T | 'late'> =>
	Promise.race([step, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), ms).unref())]);

let stopping = false;
// A kept-alive connection whose response ends during a stop would idle for Node's 5 s keep-alive (and could take
// another request) before the server's close saw it end: it is closed at once instead.
server.on('request', (_req, res) => res.once('close', () => stopping && server.closeIdleConnections()));
const shutdown = async (signal: string) => {
	if (stopping) return;
	stopping = true;
	logger.info({signal}, 'finishing the requests under way, taking no new ones');
	dataWatch.stop();
	endEventStreams(app);
	const closed = new Promise<void>((resolve) => server.close(() => resolve()));
	if ((await within(REQUEST_GRACE_MS, closed)) === 'late') {
		logger.warn({signal}, `requests still under way ${REQUEST_GRACE_MS / 1000} s after the stop: cutting their connections`);
		server.closeAllConnections();
		await closed;
	}
	if ((await within(CLOSE_QUEUES_MS, Promise.all([services.close(), maintenanceQueue.close()]))) === 'late') {
		logger.warn({signal}, `the queues did not close within ${CLOSE_QUEUES_MS / 1000} s: stopping without waiting further`);
	}
	redis.disconnect();
	logger.info({signal}, 'API stopped');
	process.exit(0);
};
stopOnSignals({shutdown, logger});
