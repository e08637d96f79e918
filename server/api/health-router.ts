import {Router} from 'express';
import {Cluster} from 'ioredis';
import type {RedisClient} from '../platform/redis-connection';
import type {RenderQueue} from '../renders/render-queue';
import {heartbeatKey} from '../worker/worker-heartbeat';

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
	Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

type Check = 'redis' | 'queueRunning' | 'workerHeartbeat';

/** `/healthz`: the process answers. `/readyz`: Redis answers, the queue is not paused and a worker beat recently. */
export const makeHealthRouter = ({redis, queue}: {redis: RedisClient; queue: RenderQueue}): Router => {
	const router = Router();
	// A cluster answers PING from any node while the slot billcast's keys live in has no master; its own state says so.
	const redisAnswers = async (): Promise<boolean> => {
		if (redis instanceof Cluster) {
			const state = /cluster_state:(\w+)/.exec(String(await redis.cluster('INFO')))?.[1];
			if (state !== 'ok') throw new Error(`the Redis Cluster's state is ${state ?? 'unknown'}`);
		}
		return (await redis.ping()) === 'PONG';
	};
	router.get('/healthz', (_req, res) => {
		res.json({status: 'ok'});
	});
	router.get('/readyz', async (_req, res) => {
		const checks: Record<Check, boolean> = {redis: false, queueRunning: false, workerHeartbeat: false};
		const reasons: Partial<Record<Check, string>> = {};
		const check = async (name: Check, probe: () => Promise<boolean>, failure: string) => {
			try {
				checks[name] = await withTimeout(probe(), 1_000);
				if (!checks[name]) reasons[name] = failure;
			} catch (error) {
				reasons[name] = `${failure}: ${error instanceof Error ? error.message : String(error)}`;
			}
		};
		await check('redis', redisAnswers, `Redis (connection ${redis.status}) does not answer`);
		// Without Redis neither of the others can be known; saying so beats three copies of the same connection error.
		if (checks.redis) {
			await check('queueRunning', async () => !(await queue.queue.isPaused()), 'the render queue is paused');
			await check('workerHeartbeat', async () => (await redis.exists(heartbeatKey(queue.queue.name))) === 1, 'no worker beat in the last 30 s');
		}
		const ready = Object.values(checks).every(Boolean);
		res.status(ready ? 200 : 503).json({ready, checks, ...(ready ? {} : {reasons})});
	});
	return router;
};
