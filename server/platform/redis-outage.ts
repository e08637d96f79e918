import type {ConnectionOptions} from 'bullmq';
import type {Logger} from './logger';
import type {RedisClient} from './redis-connection';

/** How often an outage that goes on is told again. */
const STILL_DOWN_EVERY_MS = 30_000;

/** Errors that say Redis is not there (refused, reset, timed out, not found), not that a command went wrong. */
const CONNECTION_ERROR = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|Connection is closed|connect ETIMEDOUT/;

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
	let down: {since: number; told: number; errors: number} | undefined;
	const where = withoutPassword(url);
	const outage: RedisOutage = {
		report(source, error) {
			if (!CONNECTION_ERROR.test(`${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`)) {
				logger.error({err: error, source}, `${source} error`);
				return;
			}
			const now = Date.now();
			if (!down) {
				down = {since: now, told: now, errors: 1};
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
	redis.on('ready', () => {
		if (!down) return;
		logger.info({redis: where, downSeconds: Math.round((Date.now() - down.since) / 1000), errors: down.errors}, `Redis at ${where} reconnected`);
		down = undefined;
	});
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
