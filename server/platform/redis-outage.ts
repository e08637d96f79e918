import type {ConnectionOptions} from 'bullmq';
import type {Logger} from './logger';
import {KEY_TAG, type RedisClient} from './redis-connection';

/** How often an outage that goes on is told again. */
const STILL_DOWN_EVERY_MS = 30_000;

/** How often, during an outage, a connection that still says it is ready is asked whether Redis answers again. */
const PROBE_EVERY_MS = 1_000;

/**
 * Errors that say Redis is not there (refused, reset, timed out, not found), not that a command went wrong; on a
 * cluster also no node to read the slots from, a slot without a master and a node still loading its data, which every
 * queue and worker repeated a few times a second through a failover.
 */
const CONNECTION_ERROR =
	/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|Connection is closed|connect ETIMEDOUT|Command aborted due to connection close|Failed to refresh slots cache|None of startup nodes is available|Too many Cluster redirections|CLUSTERDOWN|TRYAGAIN|MASTERDOWN|LOADING Redis is loading/;

/** `REDIS_URL` fit for a log line: its password replaced. */
const withoutPassword = (url: string): string => url.replace(/(\/\/[^:@/]*):[^@/]*@/, '$1:***@');

interface RedisOutage {
	/** One error of a queue or worker on the connection, `source` naming which. */
	report(source: string, error: Error): void;
}

const outages = new WeakMap<object, RedisOutage>();

/**
 * Tells a Redis outage in a few lines: the first failure, naming the URL, then "still unreachable" every 30 s and
 * "reconnected" when it is back. Every BullMQ queue and worker on the connection repeats each failed reconnect as an
 * error of its own, a few a second each, which buried a 10 s outage under hundreds of lines; they report here instead
 * (`logQueueErrors`). An error that is not the connection's is logged as it comes.
 */
export const watchRedisOutage = ({redis, url, logger}: {redis: RedisClient; url: string; logger: Logger}): void => {
	let down: {since: number; told: number; errors: number; probe: NodeJS.Timeout} | undefined;
	const where = withoutPassword(url);
	const reconnected = () => {
		if (!down) return;
		clearInterval(down.probe);
		logger.info({redis: where, downSeconds: Math.round((Date.now() - down.since) / 1000), errors: down.errors}, `Redis at ${where} reconnected`);
		down = undefined;
	};
	/**
	 * A cluster client stays `ready` while its nodes are down (it drops a lost node and reads the slots again), so it
	 * never says `ready` again when they are back, while the queues' and workers' own connections report every failed
	 * attempt. A command on billcast's slot that answers is what says the outage is over there.
	 */
	let asking = false;
	const askWhetherBack = () => {
		if (asking || redis.status !== 'ready') return;
		asking = true;
		redis.exists(`${KEY_TAG}:reachable`).then(reconnected, () => undefined).finally(() => (asking = false));
	};
	const outage: RedisOutage = {
		report(source, error) {
			if (!CONNECTION_ERROR.test(`${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`)) {
				logger.error({err: error, source}, `${source} error`);
				return;
			}
			const now = Date.now();
			if (!down) {
				down = {since: now, told: now, errors: 1, probe: setInterval(askWhetherBack, PROBE_EVERY_MS).unref()};
				logger.error({redis: where, reason: error.message}, `Redis at ${where} is unreachable (${error.message}); retrying`);
				return;
			}
			down.errors++;
			if (now - down.told < STILL_DOWN_EVERY_MS) return;
			down.told = now;
			logger.warn({redis: where, downSeconds: Math.round((now - down.since) / 1000), errors: down.errors}, `Redis at ${where} is still unreachable; retrying`);
		},
	};
	outages.set(redis, outage);
	redis.on('error', (error: Error) => outage.report('Redis connection', error));
	redis.on('ready', reconnected);
};

/**
 * Where a BullMQ queue or worker on `connection` sends its errors: to the connection's outage log when the process
 * watches it (`watchRedisOutage`, in the mains). Without a listener BullMQ prints each one to stderr as a multi-line
 * dump; a connection nobody watches (a script, a test) keeps that.
 */
export const logQueueErrors = (emitter: {on(event: 'error', listener: (error: Error) => void): unknown}, connection: ConnectionOptions, source: string): void => {
	emitter.on('error', (error) => {
		const outage = outages.get(connection);
		if (outage) outage.report(source, error);
		else console.error(error);
	});
};
