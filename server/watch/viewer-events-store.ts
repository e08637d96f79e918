import {createHash} from 'node:crypto';
import type {RedisClient} from '../platform/redis-connection';
import {viewerEventTypes, type ViewerEventType} from '../../src/viewer-events';

interface EventSummary {
	readonly count: number;
	readonly first: string;
	readonly last: string;
}

export interface ViewerEventsStore {
	/** The Redis key prefix, shared by the stores that keep per-render facts beside the events (payments, campaigns). */
	readonly prefix: string;
	/** Counts one event and keeps its first and last time. */
	record(renderId: string, type: ViewerEventType, at?: Date): Promise<void>;
	/** False once a token has sent more than the limit within the window: the caller answers 429. */
	allow(token: string): Promise<boolean>;
	summary(renderId: string): Promise<Partial<Record<ViewerEventType, EventSummary>>>;
}

/**
 * One Redis hash per render (`count:<event>`, `first:<event>`, `last:<event>`), so analytics is one HGETALL. It lives
 * `ttlSeconds` (the retention) after the render's last event: no event can come once the render itself is gone.
 */
export const makeViewerEventsStore = ({
	redis,
	prefix,
	ttlSeconds,
	limit = 120,
	windowSeconds = 60,
}: {
	redis: RedisClient;
	prefix: string;
	ttlSeconds: number;
	limit?: number;
	windowSeconds?: number;
}): ViewerEventsStore => {
	const eventsKey = (renderId: string) => `${prefix}events:${renderId}`;
	return {
		prefix,
		async record(renderId, type, at = new Date()) {
			const when = at.toISOString();
			await redis
				.multi()
				.hincrby(eventsKey(renderId), `count:${type}`, 1)
				.hsetnx(eventsKey(renderId), `first:${type}`, when)
				.hset(eventsKey(renderId), `last:${type}`, when)
				.expire(eventsKey(renderId), Math.ceil(ttlSeconds))
				.exec();
		},
		async allow(token) {
			// Hashed so the rate key never holds a usable link.
			const key = `${prefix}events-rate:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
			const [[, count]] = (await redis.multi().incr(key).expire(key, windowSeconds, 'NX').exec()) as [[unknown, number]];
			return count <= limit;
		},
		async summary(renderId) {
			const fields = await redis.hgetall(eventsKey(renderId));
			return Object.fromEntries(
				viewerEventTypes
					.filter((type) => fields[`count:${type}`] !== undefined)
					.map((type) => [type, {count: Number(fields[`count:${type}`]), first: fields[`first:${type}`]!, last: fields[`last:${type}`]!}]),
			);
		},
	};
};
