import {mkdir, mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, expect, inject, it} from 'vitest';
import {startRedisServer, type StartedRedis} from '../../server/dev/ensure-redis';
import {freePort} from '../helpers/free-port';
import {startMain} from '../helpers/node-main';

let dir: string | undefined;
let redis: StartedRedis | undefined;
afterAll(async () => {
	await redis?.stop();
	if (dir) await rm(dir, {recursive: true, force: true});
});

/** A worker main, started until it is ready. */
const startWorker = async (env: NodeJS.ProcessEnv) => {
	const worker = startMain({
		script: 'server/worker/worker-main.ts',
		env: {...process.env, REDIS_URL: redis!.url, BILLCAST_DATA_DIR: join(dir!, 'data'), BILLCAST_WORKER_METRICS_PORT: '0', ...env},
	});
	await expect.poll(worker.output, {timeout: 180_000, interval: 200}).toContain('billcast worker ready');
	return worker;
};

// Every start left a 27 MB bundle in tmp, even after a clean stop; a worker killed with kill -9 also left its browser's
// profile and Remotion's asset folders, which nothing removed.
it("a worker leaves nothing in tmp: a killed one's bundle and browser folders go at the next start, its own at a clean stop", async () => {
	dir = await mkdtemp(join(tmpdir(), 'worker-tmp-'));
	const tmp = join(dir, 'tmp');
	await mkdir(tmp);
	redis = await startRedisServer({port: await freePort(), dir: join(dir, 'redis')});

	// Bundles at its start, as a development worker without a prebuilt bundle does.
	const killed = await startWorker({TMPDIR: tmp});
	expect((await readdir(tmp)).filter((name) => !name.startsWith('tsx-')).length).toBeGreaterThan(0);
	killed.child.kill('SIGKILL');
	await killed.exited;

	const next = await startWorker({TMPDIR: tmp, BILLCAST_BUNDLE_DIR: inject('serveUrl')});
	next.child.kill('SIGTERM');
	expect(await next.exited, next.output().slice(-2000)).toBe(0);
	// tsx, which runs the main in development, keeps its compile cache there.
	expect((await readdir(tmp)).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
});
