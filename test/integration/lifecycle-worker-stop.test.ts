import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, expect, inject, it} from 'vitest';
import {startRedisServer} from '../../server/dev/ensure-redis';
import {freePort} from '../helpers/free-port';
import {startMain} from '../helpers/node-main';

let dir: string | undefined;
afterAll(() => dir && rm(dir, {recursive: true, force: true}));

// With npm start's Redis stopped first by the same Ctrl-C, the worker printed "Stopping..." and waited on Redis for
// ever, logging hundreds of ECONNREFUSED.
it('a worker told to stop after its Redis went away exits within seconds', async () => {
	dir = await mkdtemp(join(tmpdir(), 'lifecycle-worker-'));
	const redis = await startRedisServer({port: await freePort(), dir: join(dir, 'redis')});
	const worker = startMain({
		script: 'server/worker/worker-main.ts',
		env: {...process.env, REDIS_URL: redis.url, BILLCAST_DATA_DIR: dir, BILLCAST_BUNDLE_DIR: inject('serveUrl'), BILLCAST_WORKER_METRICS_PORT: '0'},
	});
	await expect.poll(worker.output, {timeout: 120_000, interval: 200}).toContain('billcast worker ready');
	await redis.stop();
	const asked = Date.now();
	worker.child.kill('SIGINT');
	const code = await Promise.race([worker.exited, new Promise<'still running'>((done) => setTimeout(() => done('still running'), 20_000))]);
	if (code === 'still running') worker.child.kill('SIGKILL');
	expect(code, worker.output().slice(-2000)).toBe(0);
	expect(Date.now() - asked).toBeLessThan(20_000);
	expect(worker.output()).toContain('stopping without it');
});
