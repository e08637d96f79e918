import {KEY_TAG, type RedisClient} from '../platform/redis-connection';

const INTERVAL_MS = 10_000;
/** A worker counts as alive while its last beat is younger than this. */
const HEARTBEAT_TTL_SECONDS = 30;

/** Under the hash tag like every billcast key, so a Redis Cluster keeps it in the queues' slot. */
export const heartbeatKey = (queueName: string): string => `${KEY_TAG}:worker-heartbeat:${queueName}`;

/** Beats while the worker runs, so /readyz can tell that someone is taking jobs from the queue. */
export const startHeartbeat = ({redis, queueName}: {redis: RedisClient; queueName: string}): (() => void) => {
	const beat = () => void redis.set(heartbeatKey(queueName), new Date().toISOString(), 'EX', HEARTBEAT_TTL_SECONDS).catch(() => undefined);
	beat();
	const timer = setInterval(beat, INTERVAL_MS);
	timer.unref();
	return () => clearInterval(timer);
};
