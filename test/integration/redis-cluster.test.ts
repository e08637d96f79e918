import {spawn, type ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, beforeAll, describe, expect, inject, it, vi} from 'vitest';
import {ensureRedis, pingRedis} from '../../server/dev/ensure-redis';
import {ConfigError} from '../../server/platform/errors';
import {connectRedis, KEY_TAG, type RedisClient} from '../../server/platform/redis-connection';
import {DEV_API_KEY} from '../../server/tenants/tenant-registry';
import {resolveBrowserExecutable} from '../../server/worker/browser-executable';
import {sendViewerEvent} from '../helpers/campaign';
import {freePort} from '../helpers/free-port';
import {startRedisCluster, type StartedCluster} from '../helpers/redis-cluster';
import {shortBill} from '../helpers/short-bill';

const root = resolve(import.meta.dirname, '../..');
const auth = {authorization: `Bearer ${DEV_API_KEY}`};
let cluster: StartedCluster;
let dataDir: string;
let baseUrl: string;
let redis: RedisClient;
const processes: ChildProcess[] = [];

/** The production commands, as a fleet runs them, told only REDIS_URL (and where to keep files). */
const startProcess = (entry: string, env: Record<string, string>, readyLine: string) =>
	new Promise<void>((ready, fail) => {
		const child = spawn(process.execPath, ['--import', 'tsx', join(root, entry)], {cwd: root, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'inherit']});
		processes.push(child);
		let output = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes(readyLine)) ready();
		});
		child.once('exit', (code) => fail(new Error(`${entry} exited with ${code}: ${output.slice(-2_000)}`)));
	});

beforeAll(async () => {
	cluster = await startRedisCluster();
	dataDir = await mkdtemp(join(tmpdir(), 'billcast-cluster-data-'));
	const port = await freePort();
	baseUrl = `http://127.0.0.1:${port}`;
	const env = {
		REDIS_URL: cluster.url,
		PORT: String(port),
		PUBLIC_BASE_URL: baseUrl,
		BILLCAST_DATA_DIR: dataDir,
		BILLCAST_QUEUE: `cluster-${randomBytes(4).toString('hex')}`,
		BILLCAST_WATCH_SECRET: randomBytes(32).toString('base64url'),
		BILLCAST_BUNDLE_DIR: inject('serveUrl'),
		BILLCAST_WORKER_METRICS_PORT: '0',
		REMOTION_BROWSER_EXECUTABLE: resolveBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE) ?? '',
	};
	await Promise.all([startProcess('server/api/api-main.ts', env, 'listening'), startProcess('server/worker/worker-main.ts', env, 'billcast worker ready')]);
	redis = connectRedis(cluster.url);
	// The API listens before its cluster connection has read the slots, and answers 503 until then, as a load balancer
	// polling /readyz would see.
	await vi.waitFor(
		async () => {
			const readiness = (await (await fetch(`${baseUrl}/readyz`)).json()) as {ready: boolean};
			if (!readiness.ready) throw new Error(`not ready: ${JSON.stringify(readiness)}`);
		},
		{timeout: 30_000, interval: 200},
	);
});
afterAll(async () => {
	redis?.disconnect();
	await Promise.all(
		processes.map(
			(child) =>
				new Promise<void>((done) => {
					if (child.exitCode !== null) return done();
					child.removeAllListeners('exit');
					child.once('exit', () => done());
					// The cluster is gone by now: a worker asked to stop would wait for it to come back, as it should.
					child.kill('SIGKILL');
				}),
		),
	);
	await cluster?.stop();
	if (dataDir) await rm(dataDir, {recursive: true, force: true});
});

const post = async (path: string, body: unknown) => {
	const response = await fetch(`${baseUrl}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...auth}, body: JSON.stringify(body)});
	expect(response.status, await response.clone().text()).toBe(202);
	return response.json() as Promise<Record<string, unknown>>;
};
const get = async (path: string) => (await fetch(`${baseUrl}${path}`, {headers: auth})).json() as Promise<Record<string, unknown>>;
const bill = (number: string) => ({template: 'telco-bill', scale: 0.2, bill: {...shortBill, billNumber: number, customer: {...shortBill.customer, id: `CL-${number}`}}});

describe('on a Redis Cluster of three masters', () => {
	it('renders a bill and a batch, counts viewer events and reports analytics, every key in the one slot', async () => {
		const render = (await post('/v1/renders', bill('CL-1'))) as {id: string; links: {watch: string}};
		const batch = (await post('/v1/batches', [bill('CL-2'), bill('CL-3')])) as {id: string};
		await vi.waitFor(
			async () => {
				const [single, whole] = [await get(`/v1/renders/${render.id}`), await get(`/v1/batches/${batch.id}`)];
				if (single.status !== 'completed' || (whole as {progress?: number}).progress !== 1) throw new Error(`render ${String(single.status)}, batch ${JSON.stringify(whole)}`);
			},
			{timeout: 170_000, interval: 500},
		);
		const completed = await get(`/v1/batches/${batch.id}`);
		expect(completed).toMatchObject({renders: {completed: 2}});

		const token = render.links.watch.split('/w/')[1]!;
		await sendViewerEvent({baseUrl}, token, {type: 'view_started', scene: 'greeting'});
		await sendViewerEvent({baseUrl}, token, {type: 'completed', scene: 'close'});
		expect(await get(`/v1/renders/${render.id}/analytics`)).toMatchObject({events: {view_started: {count: 1}, completed: {count: 1}}});
		const batchAnalytics = await fetch(`${baseUrl}/v1/batches/${batch.id}/analytics`, {headers: auth});
		expect(batchAnalytics.status).toBe(200);
		expect(await batchAnalytics.json()).toMatchObject({batchId: batch.id});

		const ready = await fetch(`${baseUrl}/readyz`);
		expect(await ready.json()).toMatchObject({ready: true});
		// The keys live on the cluster, under the one hash tag.
		expect(await redis.exists(`${KEY_TAG}:render:${render.id}`)).toBe(1);
		expect(await redis.cluster('KEYSLOT', `${KEY_TAG}:render:${render.id}`)).toBe(await redis.cluster('KEYSLOT', `${KEY_TAG}:anything-else`));
	});

	it('is the Redis npm start finds answering at REDIS_URL, so it starts none', async () => {
		expect(await pingRedis(cluster.url)).toBe(true);
		expect(await ensureRedis({url: cluster.url, dataDir})).toBeUndefined();
	});

	it('answers 503 problem+json within 2 s once the cluster is gone, and /readyz says why', async () => {
		redis.disconnect();
		await cluster.stop();
		for (const path of ['/v1/renders/none', '/v1/batches/none']) {
			const response = await fetch(`${baseUrl}${path}`, {headers: auth, signal: AbortSignal.timeout(2_000)});
			expect(response.status, path).toBe(503);
			expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		}
		const readyz = await fetch(`${baseUrl}/readyz`, {signal: AbortSignal.timeout(2_000)});
		expect(readyz.status).toBe(503);
		expect(await readyz.json()).toMatchObject({ready: false, checks: {redis: false}, reasons: {redis: expect.stringMatching(/Redis/)}});

		// npm start on this REDIS_URL now stops with a reason, and starts no Redis of its own on the nodes' ports.
		expect(await pingRedis(cluster.url)).toBe(false);
		const started = ensureRedis({url: cluster.url, dataDir});
		await expect(started).rejects.toBeInstanceOf(ConfigError);
		await expect(started).rejects.toThrow(/^REDIS_URL names the Redis Cluster at 127\.0\.0\.1:\d+,127\.0\.0\.1:\d+,127\.0\.0\.1:\d+, which does not answer/);
		for (const port of cluster.ports) expect(await pingRedis(`redis://127.0.0.1:${port}`), String(port)).toBe(false);
	});
});
