import {spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, expect, inject, it, vi} from 'vitest';
import {startRedisServer} from '../../server/dev/ensure-redis';
import {freePort} from '../helpers/free-port';

const root = resolve(import.meta.dirname, '../..');
let dir: string | undefined;
afterAll(() => dir && rm(dir, {recursive: true, force: true}));

// With npm start's Redis stopped first by the same Ctrl-C, the worker printed "Stopping..." and waited on Redis for
// ever, logging hundreds of ECONNREFUSED.
it('a worker told to stop after its Redis went away exits within seconds', async () => {
	dir = await mkdtemp(join(tmpdir(), 'lifecycle-worker-'));
	const redis = await startRedisServer({port: await freePort(), dir: join(dir, 'redis')});
	const worker = spawn(process.execPath, ['--import', 'tsx', 'server/worker/worker-main.ts'], {
		cwd: root,
		env: {...process.env, REDIS_URL: redis.url, BILLCAST_DATA_DIR: dir, BILLCAST_BUNDLE_DIR: inject('serveUrl'), BILLCAST_WORKER_METRICS_PORT: '0'},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((done) => worker.once('exit', done));
	await vi.waitFor(
		() => {
			if (!output.includes('billcast worker ready')) throw new Error(`the worker did not start:\n${output}`);
		},
		{timeout: 120_000, interval: 200},
	);
	await redis.stop();
	const asked = Date.now();
	worker.kill('SIGINT');
	const code = await Promise.race([exited, new Promise<'still running'>((done) => setTimeout(() => done('still running'), 20_000))]);
	if (code === 'still running') worker.kill('SIGKILL');
	expect(code, output.slice(-2000)).toBe(0);
	expect(Date.now() - asked).toBeLessThan(20_000);
	expect(output).toContain('stopping without it');
});
