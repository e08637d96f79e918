import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startRedisServer, type StartedRedis} from '../../server/dev/ensure-redis';
import {DEV_API_KEY} from '../../server/tenants/tenant-registry';
import {makeWatchLinks} from '../../server/watch/watch-links';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {startApiOnRedis} from '../helpers/api-on-redis';
import {freePort} from '../helpers/free-port';

const watchSecret = 'w'.repeat(32);
const adminKey = 'admin-key-for-outages-0123';

const startApi = ({redisPort, dir}: {redisPort: number; dir: string}) => startApiOnRedis({redisPort, dir, queueName: 'outage', watchSecret, adminKey});

/** The API on a Redis of its own that the test stops and starts. */
describe('while Redis is down', () => {
	let dir: string;
	let redisPort: number;
	let redisServer: StartedRedis;
	let baseUrl: string;
	let close: () => Promise<void>;
	const auth = {authorization: `Bearer ${DEV_API_KEY}`};

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'billcast-outage-'));
		redisPort = await freePort();
		redisServer = await startRedisServer({port: redisPort, dir});
		({baseUrl, close} = await startApi({redisPort, dir}));
	});
	afterAll(async () => {
		await close();
		await redisServer.stop();
		await rm(dir, {recursive: true, force: true});
	});

	const watchUrl = new URL(makeWatchLinks({secret: watchSecret, ttlDays: 1, publicBaseUrl: 'http://billcast.invalid'}).urlFor('dev_CUST-1_x')).pathname;
	const json = {...auth, 'content-type': 'application/json'};
	const renderBody = JSON.stringify({template: 'telco-bill', bill: sampleTelcoBill});
	const requests: [string, RequestInit][] = [
		['/v1/renders', {method: 'POST', headers: json, body: renderBody}],
		['/v1/renders/none', {headers: auth}],
		['/v1/renders/none/events', {headers: auth}],
		['/v1/renders/none/analytics', {headers: auth}],
		['/v1/batches', {method: 'POST', headers: json, body: `[${renderBody}]`}],
		['/v1/batches/none', {headers: auth}],
		['/v1/webhooks/deliveries', {headers: auth}],
		[watchUrl, {}],
		[watchUrl.replace('/w/', '/v1/watch/'), {}],
		[`${watchUrl.replace('/w/', '/v1/watch/')}/events`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: '{"type":"play"}'}],
	];

	const answersUnavailable = async (base: string) => {
		for (const [path, init] of requests) {
			// The request's own deadline is the API's promise: an answer within 2 s, never a wait for Redis to return.
			const response = await fetch(`${base}${path}`, {...init, signal: AbortSignal.timeout(2_000)});
			expect(response.status, `${init.method ?? 'GET'} ${path}`).toBe(503);
			expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			expect(await response.json()).toMatchObject({status: 503, code: 'service_unavailable'});
		}
		const metrics = await fetch(`${base}/metrics`, {headers: {authorization: `Bearer ${adminKey}`}, signal: AbortSignal.timeout(2_000)});
		// The request counts are served through the outage; only the job counts, read from Redis, are left out.
		expect(metrics.status).toBe(200);
		expect(await metrics.text()).not.toMatch(/^billcast_jobs\{/m);
		const readyz = await fetch(`${base}/readyz`, {signal: AbortSignal.timeout(2_000)});
		expect(readyz.status).toBe(503);
		expect(await readyz.json()).toMatchObject({ready: false, checks: {redis: false}, reasons: {redis: expect.stringMatching(/Redis/)}});
	};
	const acceptsRenders = async (base: string) => {
		await expect.poll(async () => (await fetch(`${base}/v1/renders/none`, {headers: auth})).status, {timeout: 20_000, interval: 200}).toBe(404);
		const submitted = await fetch(`${base}/v1/renders`, {method: 'POST', headers: json, body: renderBody});
		expect(submitted.status, await submitted.clone().text()).toBe(202);
	};

	it('answers 503 problem+json at once on every Redis-backed route, says why in /readyz, and recovers by itself', async () => {
		await redisServer.stop();
		await answersUnavailable(baseUrl);
		redisServer = await startRedisServer({port: redisPort, dir});
		await acceptsRenders(baseUrl);
	});

	it('does the same when the API starts before Redis: its queues wait for no Redis to start, so none is left broken', async () => {
		await redisServer.stop();
		const early = await startApi({redisPort, dir});
		try {
			await answersUnavailable(early.baseUrl);
			redisServer = await startRedisServer({port: redisPort, dir});
			await acceptsRenders(early.baseUrl);
		} finally {
			await early.close();
		}
	});
});
