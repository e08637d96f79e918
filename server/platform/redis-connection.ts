import {Cluster, Redis} from 'ioredis';

/** A connection to one Redis (alone or behind Sentinel) or to a Redis Cluster: every store takes either. */
export type RedisClient = Redis | Cluster;

/** BullMQ needs `maxRetriesPerRequest: null` so blocking commands wait out a Redis restart instead of failing. */
export const connectRedis = (url: string): Redis => new Redis(url, {maxRetriesPerRequest: null});

/** Well under the 2 s in which the API promises an answer, well over any command a healthy Redis runs. */
export const API_COMMAND_TIMEOUT_MS = 1_500;

/**
 * The API's own connection fails fast instead: with no offline queue a command sent while Redis is away fails at once,
 * a command caught by the disconnect fails after one retry, and one a hung Redis never answers fails after the
 * timeout, so a request answers 503 while Redis is down. It reconnects by itself, so the API recovers without a restart.
 */
export const connectApiRedis = (url: string): Redis =>
	new Redis(url, {
		enableOfflineQueue: false,
		maxRetriesPerRequest: 1,
		commandTimeout: API_COMMAND_TIMEOUT_MS,
		connectTimeout: API_COMMAND_TIMEOUT_MS,
		retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
	});

/**
 * Every key matching `match`, a page at a time. A cluster's keys are spread over its masters, each scanned in turn.
 */
export async function* scanKeys(redis: RedisClient, match: string, count = 1_000): AsyncGenerator<string[]> {
	const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
	for (const node of nodes) {
		for await (const page of node.scanStream({match, count}) as AsyncIterable<string[]>) if (page.length > 0) yield page;
	}
}
