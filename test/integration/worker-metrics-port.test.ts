import {mkdtemp, rm} from 'node:fs/promises';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, expect, inject, it} from 'vitest';
import {startRedisServer, type StartedRedis} from '../../server/dev/ensure-redis';
import {freePort} from '../helpers/free-port';
import {startMain} from '../helpers/node-main';

let dir: string | undefined;
let redis: StartedRedis | undefined;
let taken: Server | undefined;
afterAll(async () => {
	taken?.close();
	await redis?.stop();
	if (dir) await rm(dir, {recursive: true, force: true});
});

// A second worker on a host said `"metricsPort":9464` in its ready line while its bind had failed.
it("a worker whose metrics port another process holds says so, and its ready line names no port", async () => {
	dir = await mkdtemp(join(tmpdir(), 'worker-metrics-'));
	redis = await startRedisServer({port: await freePort(), dir: join(dir, 'redis')});
	const port = await freePort();
	taken = await new Promise<Server>((done) => {
		const server = createServer().listen(port, '127.0.0.1', () => done(server));
	});
	const worker = startMain({
		script: 'server/worker/worker-main.ts',
		env: {...process.env, REDIS_URL: redis.url, BILLCAST_DATA_DIR: join(dir, 'data'), BILLCAST_BUNDLE_DIR: inject('serveUrl'),
			BILLCAST_ADMIN_KEY: 'admin-key-for-tests-0123', BILLCAST_WORKER_METRICS_PORT: String(port), BILLCAST_WORKER_METRICS_HOST: '127.0.0.1'},
	});
	try {
		await expect.poll(worker.output, {timeout: 120_000, interval: 200}).toContain('billcast worker ready');
	} finally {
		worker.child.kill('SIGTERM');
		await worker.exited;
	}
	const lines = worker.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as {msg: string; metricsPort?: number | null});
	expect(lines.find((line) => line.msg === 'billcast worker ready')?.metricsPort).toBeNull();
	expect(lines.map((line) => line.msg)).toContainEqual(expect.stringContaining(`worker metrics not served: port ${port} is in use`));
});
