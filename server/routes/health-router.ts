import {Router} from 'express';
import type {Redis} from 'ioredis';
import type {RenderQueue} from '../render-queue';
import {heartbeatKey} from '../worker-heartbeat';

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
	Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/** `/healthz`: the process answers. `/readyz`: Redis answers, the queue is not paused and a worker beat recently. */
export const makeHealthRouter = ({redis, queue}: {redis: Redis; queue: RenderQueue}): Router => {
	const router = Router();
	router.get('/healthz', (_req, res) => {
		res.json({status: 'ok'});
	});
	router.get('/readyz', async (_req, res) => {
		const checks = {redis: false, queueRunning: false, workerHeartbeat: false};
		try {
			checks.redis = (await withTimeout(redis.ping(), 1_000)) === 'PONG';
			checks.queueRunning = !(await withTimeout(queue.queue.isPaused(), 1_000));
			checks.workerHeartbeat = (await withTimeout(redis.exists(heartbeatKey(queue.queue.name)), 1_000)) === 1;
		} catch {
			// A check that throws stays false; the body says which one.
		}
		const ready = Object.values(checks).every(Boolean);
		res.status(ready ? 200 : 503).json({ready, checks});
	});
	return router;
};
