import {Router} from 'express';
import {Cluster} from 'ioredis';
import {KEY_TAG, type RedisClient} from '../platform/redis-connection';
import {readDataLoss} from '../platform/redis-data-watch';
import {durabilityWarning, readRedisDurability} from '../platform/redis-durability';
import type {RenderQueue} from '../renders/render-queue';
import {heartbeatKey} from '../worker/worker-heartbeat';

const PROBE_MS = 1_000;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
	Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

type Check = 'redis' | 'queueRunning' | 'workerHeartbeat';
type Warning = 'redisDurability' | 'redisDataLost';

/**
 * `/healthz`: the process answers. `/readyz`: Redis answers, the queue is not paused and a worker beat recently; with
 * `warnings` when Redis's settings can lose accepted renders or it lost its data lately. Those leave `ready` true: every
 * replica shares the one Redis, so a failing readiness would take the whole API out of its load balancer, a certain
 * outage in place of a risk (and, after a loss, in place of a service that works again). The log line at start, the
 * `billcast_redis_data_losses_total` metric and these warnings are for alerting.
 */
export const makeHealthRouter = ({redis, queue, keyPrefix = `${KEY_TAG}:`}: {redis: RedisClient; queue: RenderQueue; keyPrefix?: string}): Router => {
	const router = Router();
	// A cluster answers PING from any node while the slot billcast's keys live in has no master: its own state says so
	// once its nodes agree, and until then only a command on a key of that slot reaches (or fails to reach) its master.
	const probeRedis = async (): Promise<boolean> => {
		if (!(redis instanceof Cluster)) return (await redis.ping()) === 'PONG';
		const state = /cluster_state:(\w+)/.exec(String(await redis.cluster('INFO')))?.[1];
		if (state !== 'ok') throw new Error(`the Redis Cluster's state is ${state ?? 'unknown'}`);
		await redis.exists(`${KEY_TAG}:readyz`);
		return true;
	};
	// The fail-fast connection's own words for a closed connection ("Stream isn't writeable…") tell an operator nothing.
	const redisAnswers = () =>
		probeRedis().catch((error: unknown) => {
			throw redis.status === 'ready' ? error : new Error(`no connection (${redis.status})`);
		});
	router.get('/healthz', (_req, res) => {
		res.json({status: 'ok'});
	});
	router.get('/readyz', async (_req, res) => {
		const checks: Record<Check, boolean> = {redis: false, queueRunning: false, workerHeartbeat: false};
		const reasons: Partial<Record<Check, string>> = {};
		/**
		 * `failed` is what a `false` from the probe means; a probe that throws or outlasts its wait says nothing about
		 * the check itself, so the reason names what was seen instead (`unknown` says which question went unanswered).
		 */
		const check = async (name: Check, probe: () => Promise<boolean>, {failed, unknown}: {failed: string; unknown: string}) => {
			try {
				checks[name] = await withTimeout(probe(), PROBE_MS);
				if (!checks[name]) reasons[name] = failed;
			} catch (error) {
				reasons[name] = `${unknown}: ${error instanceof Error ? error.message : String(error)}`;
			}
		};
		await check('redis', redisAnswers, {failed: 'Redis answered PING with something other than PONG', unknown: 'Redis is unreachable'});
		// Without Redis neither of the others can be known; saying so beats three copies of the same connection error.
		if (checks.redis) {
			await check('queueRunning', async () => !(await queue.queue.isPaused()), {
				failed: 'the render queue is paused',
				unknown: 'Redis did not say whether the render queue is paused',
			});
			await check('workerHeartbeat', async () => (await redis.exists(heartbeatKey(queue.queue.name))) === 1, {
				failed: 'no worker beat in the last 30 s',
				unknown: 'Redis did not say whether a worker beat',
			});
		}
		const warnings: Partial<Record<Warning, string>> = {};
		if (checks.redis) {
			// A Redis that refuses CONFIG (managed ones rename it) or does not answer in time earns no warning.
			const [durability, lost] = await Promise.all([
				withTimeout(readRedisDurability(redis), PROBE_MS).then(durabilityWarning, () => undefined),
				withTimeout(readDataLoss(redis, keyPrefix), PROBE_MS).catch(() => undefined),
			]);
			if (durability) warnings.redisDurability = durability;
			if (lost) warnings.redisDataLost = lost;
		}
		const ready = Object.values(checks).every(Boolean);
		res.status(ready ? 200 : 503).json({ready, checks, ...(ready ? {} : {reasons}), ...(Object.keys(warnings).length > 0 ? {warnings} : {})});
	});
	return router;
};
