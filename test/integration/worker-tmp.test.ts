import {spawn} from 'node:child_process';
import {mkdir, mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, expect, inject, it} from 'vitest';
import {startRedisServer, type StartedRedis} from '../../server/dev/ensure-redis';
import {freePort} from '../helpers/free-port';

const root = resolve(import.meta.dirname, '../..');
let dir: string | undefined;
let redis: StartedRedis | undefined;
afterAll(async () => {
	await redis?.stop();
	if (dir) await rm(dir, {recursive: true, force: true});
});

/** A worker main, started until it is ready. */
const startWorker = async (env: NodeJS.ProcessEnv) => {
	const worker = spawn(process.execPath, ['--import', 'tsx', 'server/worker/worker-main.ts'], {
		cwd: root,
		env: {...process.env, REDIS_URL: redis!.url, BILLCAST_DATA_DIR: join(dir!, 'data'), BILLCAST_WORKER_METRICS_PORT: '0', ...env},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((done) => worker.once('exit', done));
	await expect.poll(() => output, {timeout: 180_000, interval: 200}).toContain('billcast worker ready');
	return {worker, exited, output: () => output};
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
	killed.worker.kill('SIGKILL');
	await killed.exited;

	const next = await startWorker({TMPDIR: tmp, BILLCAST_BUNDLE_DIR: inject('serveUrl')});
	next.worker.kill('SIGTERM');
	expect(await next.exited, next.output().slice(-2000)).toBe(0);
	// tsx, which runs the main in development, keeps its compile cache there.
	expect((await readdir(tmp)).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
});
