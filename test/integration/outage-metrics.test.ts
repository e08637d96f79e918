import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {startRedisServer, type StartedRedis} from '../../server/dev/ensure-redis';
import {makeLogger} from '../../server/platform/logger';
import {DEV_API_KEY} from '../../server/tenants/tenant-registry';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {startApiOnRedis} from '../helpers/api-on-redis';
import {freePort} from '../helpers/free-port';

const adminKey = 'admin-key-for-outage-metrics';
const auth = {authorization: `Bearer ${DEV_API_KEY}`};
let dir: string;
let redisServer: StartedRedis;
let baseUrl: string;
const logLines: Array<{msg: string; route?: string; status?: number; path?: string}> = [];
let close: () => Promise<void>;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'billcast-outage-metrics-'));
	const redisPort = await freePort();
	redisServer = await startRedisServer({port: redisPort, dir: join(dir, 'redis')});
	const logger = makeLogger({service: 'api', destination: {write: (line: string) => void logLines.push(JSON.parse(line))}});
	({baseUrl, close} = await startApiOnRedis({redisPort, dir, queueName: 'outage-metrics', watchSecret: 'w'.repeat(32), adminKey, logger}));
});
afterAll(async () => {
	await close?.();
	await redisServer?.stop();
	if (dir) await rm(dir, {recursive: true, force: true});
});

const scrape = () => fetch(`${baseUrl}/metrics`, {headers: {authorization: `Bearer ${adminKey}`}, signal: AbortSignal.timeout(5_000)});
const durationCount = (text: string, method: string, route: string, status: number) =>
	Number(new RegExp(`^billcast_http_request_duration_seconds_count\\{method="${method}",route="${route}",status="${status}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);

// The audit: through a Redis outage /metrics answered 503 for the whole scrape, and the 503s it should have counted
// (raised by the rate limit before any router ran) were labelled "unmatched" in the metrics and the logs.
it('while Redis is down, /metrics still serves the request counts, by route pattern, and leaves out only the job counts', async () => {
	// The API's connection fails fast, so the counts appear once it has connected.
	await expect.poll(async () => (await scrape()).text(), {timeout: 10_000, interval: 100}).toMatch(/^billcast_jobs\{queue="outage-metrics",state="waiting"\} 0$/m);

	await redisServer.stop();
	const submitted = await fetch(`${baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {...auth, 'content-type': 'application/json'},
		body: JSON.stringify({template: 'telco-bill', bill: sampleTelcoBill}),
	});
	expect(submitted.status).toBe(503);
	for (const id of ['r1', 'r2']) expect((await fetch(`${baseUrl}/v1/renders/${id}`, {headers: auth})).status).toBe(503);
	expect((await fetch(`${baseUrl}/v1/no-such-route`, {headers: auth})).status).toBe(503);

	const during = await scrape();
	expect(during.status).toBe(200);
	expect(during.headers.get('content-type')).toMatch(/^text\/plain/);
	const text = await during.text();
	expect(durationCount(text, 'POST', '/v1/renders', 503)).toBe(1);
	expect(durationCount(text, 'GET', '/v1/renders/:id', 503)).toBe(2);
	// A path no route takes is still one bucket, not one per path.
	expect(durationCount(text, 'GET', 'unmatched', 503)).toBe(1);
	expect(text).toMatch(/^billcast_process_resident_memory_bytes \d+/m);
	// Counts from before the outage would pass for current ones.
	expect(text).not.toMatch(/^billcast_jobs\{/m);

	const failed = logLines.filter((line) => line.msg === 'request failed').map(({path, route, status}) => ({path, route, status}));
	expect(failed).toEqual([
		{path: '/v1/renders', route: '/v1/renders', status: 503},
		{path: '/v1/renders/r1', route: '/v1/renders/:id', status: 503},
		{path: '/v1/renders/r2', route: '/v1/renders/:id', status: 503},
		{path: '/v1/no-such-route', route: 'unmatched', status: 503},
	]);
});
