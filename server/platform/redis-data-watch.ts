import {randomUUID} from 'node:crypto';
import type {Logger} from './logger';
import {KEY_TAG, type RedisClient} from './redis-connection';
import {redisReady} from './redis-durability';

/** One read of one key a process every 10 s: nothing next to the queue's own traffic, and a loss is named within seconds. */
const DATA_WATCH_INTERVAL_MS = 10_000;
/** Refreshed at every check, so it lasts while any process runs and is gone a day after the last one stopped. */
const MARKER_TTL_SECONDS = 24 * 60 * 60;
/** How long /readyz names a loss: long enough to be seen after a weekend, as long as webhook deliveries are kept. */
const LOSS_TTL_SECONDS = 7 * 24 * 60 * 60;

export const markerKey = (prefix = `${KEY_TAG}:`): string => `${prefix}redis-marker`;
export const dataLossKey = (prefix = `${KEY_TAG}:`): string => `${prefix}redis-data-lost`;

interface DataLoss {
	readonly lastSeenAt: string;
	readonly detectedAt: string;
}

const lossMessage = ({lastSeenAt, detectedAt}: DataLoss): string =>
	`Redis lost its data at about ${detectedAt} (billcast's marker was last seen at ${lastSeenAt}); renders accepted before then are gone, with their queue entries and records`;

/** The first loss any process found in the past 7 days, as the line it logged; undefined when none. */
export const readDataLoss = async (redis: RedisClient, prefix?: string): Promise<string | undefined> => (await redis.get(dataLossKey(prefix))) ?? undefined;

export interface RedisDataWatch {
	/** Resolves after the first check: the marker is written or adopted. */
	readonly started: Promise<void>;
	stop(): void;
}

/**
 * Notices Redis losing its data while billcast runs (a restart without persistence, FLUSHALL, eviction), which Redis
 * itself never reports. Every process writes a marker at start unless one is there (the first to start wins, the others
 * adopt its value), then reads it every `intervalMs` and at every reconnect: gone, or replaced by a process that found it
 * gone, means everything written before went with it. Each process logs that once per loss, counts it in `losses` and
 * records it for /readyz, then adopts the new marker so the next loss is found too. A loss while no process runs cannot
 * be told from a new Redis and is not reported.
 */
export const watchRedisData = ({
	redis,
	logger,
	role,
	losses,
	prefix,
	intervalMs = DATA_WATCH_INTERVAL_MS,
	now = () => new Date(),
}: {
	redis: RedisClient;
	logger: Logger;
	role: 'api' | 'worker';
	/** The process's `billcast_redis_data_losses_total` counter. */
	losses: {inc(): void};
	/** The key prefix the process's stores use (`{billcast}:`), so the keys share their slot. */
	prefix?: string;
	intervalMs?: number;
	now?: () => Date;
}): RedisDataWatch => {
	const key = markerKey(prefix);
	let known: string | undefined;
	let lastSeenAt = now().toISOString();
	let checking = false;

	const adopt = async () => {
		await redis.set(key, `${now().toISOString()} ${role} ${randomUUID()}`, 'EX', MARKER_TTL_SECONDS, 'NX');
		known = (await redis.get(key)) ?? undefined;
		lastSeenAt = now().toISOString();
	};
	const check = async () => {
		if (known === undefined) return adopt();
		const current = await redis.getex(key, 'EX', MARKER_TTL_SECONDS);
		if (current === known) {
			lastSeenAt = now().toISOString();
			return;
		}
		const message = lossMessage({lastSeenAt, detectedAt: now().toISOString()});
		logger.error({lastSeenAt, marker: key}, message);
		losses.inc();
		// The first process to find it records it; the others' lines say the same.
		await redis.set(dataLossKey(prefix), `${message} (found by the ${role})`, 'EX', LOSS_TTL_SECONDS, 'NX');
		await adopt();
	};
	const run = async () => {
		if (checking) return;
		checking = true;
		try {
			await check();
		} catch {
			// Redis away: the next tick or reconnect checks again; the outage itself is /readyz's to report.
		} finally {
			checking = false;
		}
	};

	const onReady = () => void run();
	const started = redisReady(redis).then(run);
	redis.on('ready', onReady);
	const timer = setInterval(() => void run(), intervalMs);
	timer.unref();
	return {
		started,
		stop: () => {
			clearInterval(timer);
			redis.off('ready', onReady);
		},
	};
};
