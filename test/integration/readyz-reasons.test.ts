import {createServer} from 'node:http';
import {spawnSync} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {makeApp} from '../../server/api/app';
import {startRedisServer, type StartedRedis} from '../../server/dev/ensure-redis';
import {makeLogger} from '../../server/platform/logger';
import {makeMetrics} from '../../server/platform/metrics';
import {connectApiRedis, KEY_TAG} from '../../server/platform/redis-connection';
import {buildServices} from '../../server/services/build-services';
import {makeTenantRegistry, DEV_API_KEY, DEV_TENANT} from '../../server/tenants/tenant-registry';
import {freePort} from '../helpers/free-port';
import {startRedisCluster, type StartedCluster} from '../helpers/redis-cluster';

interface Readiness {
	ready: boolean;
	checks: Record<string, boolean>;
	reasons?: Record<string, string>;
}

/** The API wired as api-main wires it (one fail-fast connection) on the Redis at `url`. */
const startApi = async ({url, dir}: {url: string; dir: string}) => {
	const redis = connectApiRedis(url);
	redis.on('error', () => undefined);
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const logger = makeLogger({service: 'api', level: 'silent'});
	const services = buildServices({
		config: {publicBaseUrl: baseUrl, watchSecret: 'w'.repeat(32), watchTtlDays: 1, retentionDays: 1, queueName: 'readyz', webhookQueueName: 'readyz-webhooks', storage: {kind: 'local', dir}},
		redis,
		tenants: makeTenantRegistry([DEV_TENANT]),
		logger,
	});
	const app = makeApp({config: {bodyLimit: '64kb', batchBodyLimit: '1mb', publicBaseUrl: baseUrl, watchSecret: 'w'.repeat(32), adminKey: undefined}, services, logger, metrics: makeMetrics()});
	const server = createServer(app);
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		baseUrl,
		redis,
		services,
		readyz: async () => {
			const response = await fetch(`${baseUrl}/readyz`, {signal: AbortSignal.timeout(5_000)});
			return {status: response.status, body: (await response.json()) as Readiness};
		},
		close: async () => {
			await new Promise((resolve) => server.close(resolve));
			await services.close();
			redis.disconnect();
		},
	};
};

// The audit: with its Redis gone, /readyz said the queue was paused, and a cluster whose master was down said so too.
describe('/readyz names what it saw', () => {
	let dir: string;
	let redisServer: StartedRedis;
	let api: Awaited<ReturnType<typeof startApi>>;

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'billcast-readyz-'));
		redisServer = await startRedisServer({port: await freePort(), dir: join(dir, 'redis')});
		api = await startApi({url: redisServer.url, dir: join(dir, 'files')});
	});
	afterAll(async () => {
		await api.close();
		await redisServer.stop();
		await rm(dir, {recursive: true, force: true});
	});

	it('a missing worker beat and a paused queue, each as itself', async () => {
		await expect.poll(async () => (await api.readyz()).body.checks.redis, {timeout: 10_000}).toBe(true);
		expect(await api.readyz()).toEqual({
			status: 503,
			body: {ready: false, checks: {redis: true, queueRunning: true, workerHeartbeat: false}, reasons: {workerHeartbeat: 'no worker beat in the last 30 s'}},
		});
		await api.services.queue.queue.pause();
		try {
			expect((await api.readyz()).body).toMatchObject({
				checks: {redis: true, queueRunning: false},
				reasons: {queueRunning: 'the render queue is paused'},
			});
		} finally {
			await api.services.queue.queue.resume();
		}
	});

	it('a stopped Redis as unreachable, with the connection state and none of the client library words', async () => {
		await redisServer.stop();
		const {status, body} = await api.readyz();
		expect(status).toBe(503);
		expect(body.checks).toEqual({redis: false, queueRunning: false, workerHeartbeat: false});
		expect(Object.keys(body.reasons!)).toEqual(['redis']);
		expect(body.reasons!.redis).toMatch(/^Redis is unreachable: no connection \((connecting|reconnecting|close|end)\)$/);
		// The 503 of a route that needs Redis names Redis too: "Storage is not reachable" sent operators to the bucket.
		const render = await fetch(`${api.baseUrl}/v1/renders/none`, {headers: {authorization: `Bearer ${DEV_API_KEY}`}});
		expect(render.status).toBe(503);
		expect(await render.json()).toMatchObject({code: 'service_unavailable', detail: expect.stringMatching(/^Redis, where renders and jobs are kept, is not reachable/)});
	});
});

describe('/readyz on a Redis Cluster whose master of billcast\'s slot is down', () => {
	let cluster: StartedCluster;
	let dir: string;
	let api: Awaited<ReturnType<typeof startApi>>;

	beforeAll(async () => {
		cluster = await startRedisCluster();
		dir = await mkdtemp(join(tmpdir(), 'billcast-readyz-cluster-'));
		api = await startApi({url: cluster.url, dir});
	});
	afterAll(async () => {
		await api.close();
		await cluster.stop();
		await rm(dir, {recursive: true, force: true});
	});

	it('says Redis does not answer for billcast, not that the render queue is paused', async () => {
		await expect.poll(async () => (await api.readyz()).body.checks, {timeout: 20_000}).toMatchObject({redis: true, queueRunning: true});
		const slot = Number(await api.redis.cluster('KEYSLOT', KEY_TAG));
		const ranges = await api.redis.cluster('SLOTS');
		const master = ranges.find(([first, last]) => first <= slot && slot <= last)![2]![1];
		expect(spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(master), 'shutdown', 'nosave']).status).not.toBeNull();
		const {status, body} = await api.readyz();
		expect(status).toBe(503);
		expect(body.checks.redis).toBe(false);
		expect(Object.keys(body.reasons!)).toEqual(['redis']);
		expect(body.reasons!.redis).toMatch(/^Redis is unreachable: /);
		expect(JSON.stringify(body)).not.toMatch(/paused/);
	});
});
