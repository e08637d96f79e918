import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Redis} from 'ioredis';
import {afterAll, expect, inject, it, vi} from 'vitest';
import {startRedisServer} from '../../server/dev/ensure-redis';
import {freePort} from '../helpers/free-port';
import {startMain, type RunningMain} from '../helpers/node-main';

let dir: string | undefined;
let cleanUp: (() => Promise<void>) | undefined;
afterAll(async () => {
	await cleanUp?.();
	if (dir) await rm(dir, {recursive: true, force: true});
});

/** Where a worker still running is: the JavaScript stack and active handles of the Node report SIGUSR2 asks it for. */
const stuckReport = async (worker: RunningMain, reportDir: string): Promise<string> => {
	worker.child.kill('SIGUSR2');
	const file = await vi
		.waitFor(async () => {
			const name = (await readdir(reportDir)).find((entry) => entry.startsWith('report.') && entry.endsWith('.json'));
			if (!name) throw new Error('no report yet');
			return join(reportDir, name);
		}, 5_000)
		.catch(() => undefined);
	if (!file) return 'no Node report within 5 s (its main thread is blocked)';
	const report = JSON.parse(await readFile(file, 'utf8')) as {javascriptStack?: unknown; libuv?: {type: string; is_active: boolean}[]};
	const handles = (report.libuv ?? []).filter((handle) => handle.is_active).map((handle) => handle.type);
	return JSON.stringify({javascriptStack: report.javascriptStack, activeHandles: handles}, null, 1);
};

// An operator audit: after a Redis Cluster outage a worker told to stop, with nothing active, was still alive 112 s
// later. A cluster client reports `ready` while its nodes do not answer; a paused Redis does the same to a single client.
it('a worker told to stop while its Redis is connected but silent exits within seconds', async () => {
	dir = await mkdtemp(join(tmpdir(), 'worker-stop-silent-'));
	const redis = await startRedisServer({port: await freePort(), dir: join(dir, 'redis')});
	const admin = new Redis(redis.url);
	// A pause of every client holds CLIENT UNPAUSE too, and Redis's own shutdown: it is kept short for the clean-up.
	cleanUp = async () => {
		admin.disconnect();
		await redis.stop();
	};
	const worker = startMain({
		script: 'server/worker/worker-main.ts',
		// A stuck stop's Node report (its JavaScript stack and open handles) says where it is stuck.
		env: {...process.env, NODE_OPTIONS: `--report-on-signal --report-signal=SIGUSR2 --report-directory=${dir}`, REDIS_URL: redis.url, BILLCAST_DATA_DIR: dir, BILLCAST_BUNDLE_DIR: inject('serveUrl'), BILLCAST_WORKER_METRICS_PORT: '0'},
	});
	await expect.poll(worker.output, {timeout: 120_000, interval: 200}).toContain('billcast worker ready');
	// Every client's commands wait, longer than the stop may take; the connections stay up.
	await admin.call('CLIENT', 'PAUSE', '25000', 'ALL');
	const asked = Date.now();
	worker.child.kill('SIGTERM');
	const code = await Promise.race([worker.exited, new Promise<'still running'>((done) => setTimeout(() => done('still running'), 20_000))]);
	const report = code === 'still running' ? await stuckReport(worker, dir) : '';
	if (code === 'still running') worker.child.kill('SIGKILL');
	expect(code, `${worker.output().slice(-2000)}\n${report}`).toBe(0);
	expect(Date.now() - asked).toBeLessThan(20_000);
	expect(worker.output()).toContain('stopping without it');
}, 180_000);
