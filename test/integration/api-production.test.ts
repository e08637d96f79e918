import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {connectRedis} from '../../server/platform/redis-connection';
import {makeApp} from '../../server/api/app';
import {buildServices} from '../../server/services/build-services';
import {makeLogger} from '../../server/platform/logger';
import {makeMetrics} from '../../server/platform/metrics';
import {startRedisServer} from '../../server/dev/ensure-redis';
import {DEV_TENANT, makeTenantRegistry} from '../../server/tenants/tenant-registry';
import {heartbeatKey} from '../../server/worker/worker-heartbeat';
import {freePort} from '../helpers/free-port';
import {startTestStack, type TestStack} from '../helpers/test-stack';
import {renderJobId} from '../../server/renders/render-queue';

let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
});
afterAll(async () => {
	await stack?.close();
});

const request = (customerId: string) => ({
	template: 'telco-bill',
	scale: 0.25,
	bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: customerId}},
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
	fetch(`${stack.baseUrl}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth, ...headers}, body});

describe('tenants and API keys', () => {
	it('refuses requests without a valid key', async () => {
		const missing = await fetch(`${stack.baseUrl}/v1/renders/x`);
		expect(missing.status).toBe(401);
		expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
		expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
		const wrong = await fetch(`${stack.baseUrl}/v1/renders/x`, {headers: {authorization: 'Bearer nope'}});
		expect(((await wrong.json()) as {code: string}).code).toBe('unauthorized');
	});

	it("answers another tenant's render with 404, never 403", async () => {
		const created = (await (await post('/v1/renders', JSON.stringify(request('CROSS-1')))).json()) as {id: string};
		expect((await fetch(`${stack.baseUrl}/v1/renders/${created.id}`, {headers: stack.auth})).status).toBe(200);
		for (const path of ['', '/video.mp4', '/analytics', '/events']) {
			const response = await fetch(`${stack.baseUrl}/v1/renders/${created.id}${path}`, {headers: stack.otherAuth});
			expect(response.status).toBe(404);
		}
	});
});

describe('Idempotency-Key', () => {
	it('replays the first response for the same body and refuses another body', async () => {
		const key = `idem-${Date.now()}`;
		const first = await post('/v1/renders', JSON.stringify(request('IDEM-1')), {'idempotency-key': key});
		expect(first.status).toBe(202);
		const jobsBefore = await stack.queue.queue.count();
		const replay = await post('/v1/renders', JSON.stringify(request('IDEM-1')), {'idempotency-key': key});
		expect(replay.status).toBe(202);
		expect(await replay.json()).toEqual(await first.json());
		expect(await stack.queue.queue.count()).toBe(jobsBefore);
		const other = await post('/v1/renders', JSON.stringify(request('IDEM-2')), {'idempotency-key': key});
		expect(other.status).toBe(422);
		expect(((await other.json()) as {code: string}).code).toBe('idempotency_key_reused');
		expect(await stack.queue.queue.count()).toBe(jobsBefore);
	});
});

describe('billing-cycle batches', () => {
	it('queues 9,997 good lines of a 10,000-line NDJSON stream and reports the 3 bad ones by line', async () => {
		const bad = new Map([
			[17, '{"template": "telco-bill", '],
			[5_000, JSON.stringify({...request('BAD-2'), bill: {...request('BAD-2').bill, amountDue: '12.00'}})],
			[9_999, JSON.stringify({...request('BAD-3'), template: 'no-such-template'})],
		]);
		const lines = Array.from({length: 10_000}, (_, i) => bad.get(i + 1) ?? JSON.stringify(request(`CYCLE-${i + 1}`)));
		const response = await post('/v1/batches', lines.join('\n'), {'content-type': 'application/x-ndjson'});
		expect(response.status).toBe(202);
		const batch = (await response.json()) as {id: string; lines: number; accepted: number; rejected: number; failures: {line: number; errors: {path: string}[]}[]};
		expect(batch).toMatchObject({lines: 10_000, accepted: 9_997, rejected: 3});
		expect(batch.failures.map((f) => f.line)).toEqual([17, 5_000, 9_999]);
		expect(batch.failures[1]!.errors[0]!.path).toBe('bill.amountDue');
		expect(batch.failures[2]!.errors[0]!.path).toBe('template');
		expect(await stack.queue.queue.getJobCountByTypes('prioritized', 'waiting')).toBeGreaterThanOrEqual(9_997);

		const status = (await (await fetch(`${stack.baseUrl}/v1/batches/${batch.id}`, {headers: stack.auth})).json()) as {
			renders: Record<string, number>;
			links: {exportCsv: string};
		};
		expect(status.renders).toEqual({'on-demand': 0, queued: 9_997, rendering: 0, completed: 0, failed: 0});
		const csv = await (await fetch(status.links.exportCsv, {headers: stack.auth})).text();
		const rows = csv.trim().split('\n');
		expect(rows[0]).toBe('customer_reference,render_id,watch_link,status,video_link,poster_link,mp4');
		expect(rows).toHaveLength(1 + 9_997);
		expect(rows[1]).toMatch(/^CYCLE-1,test-[0-9a-f]+_CYCLE-1_[^,]+,http:\/\/127\.0\.0\.1:\d+\/w\/[^,]+,queued,http:\/\/127\.0\.0\.1:\d+\/v1\/watch\/[^,]+\/video\.mp4,http:\/\/127\.0\.0\.1:\d+\/v1\/watch\/[^,]+\/poster\.jpg,rendering$/);
		expect((await fetch(`${stack.baseUrl}/v1/batches/${batch.id}`, {headers: stack.otherAuth})).status).toBe(404);
	});

	it('takes a JSON array, and single renders go ahead of batch work', async () => {
		const response = await post('/v1/batches', JSON.stringify([request('ARRAY-1'), request('ARRAY-2')]));
		expect(((await response.json()) as {accepted: number}).accepted).toBe(2);
		const single = (await (await post('/v1/renders', JSON.stringify(request('SINGLE-1')))).json()) as {id: string};
		const batchJob = (await stack.queue.queue.getJobs(['prioritized'], 0, 0))[0]!;
		expect(await stack.queue.queue.getJobState(renderJobId(single.id))).toBe('waiting');
		expect(batchJob.opts.priority).toBeGreaterThan(0);
	});
});

describe('progress as Server-Sent Events', () => {
	it('streams the render state until it ends', async () => {
		const created = (await (await post('/v1/renders', JSON.stringify(request('SSE-1')))).json()) as {id: string};
		const response = await fetch(`${stack.baseUrl}/v1/renders/${created.id}/events`, {headers: stack.auth});
		expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
		let text = '';
		const readUntil = async (done: () => boolean) => {
			while (!done()) {
				const chunk = await reader.read();
				if (chunk.done) return;
				text += chunk.value;
			}
		};
		// The render completes only once the stream has shown it queued, so the test never races the first event.
		await readUntil(() => text.includes('\n\n'));
		expect(text).toMatch(/^event: progress\ndata: \{"id":"[^"]+","status":"queued"/);
		await stack.store.markCompleted(created.id, {durationInSeconds: 1, frames: 30, fps: 30, width: 320, height: 180, bytes: 1});
		await readUntil(() => false);
		expect(text).toMatch(/event: completed\ndata: \{[^\n]*"progress":1/);
	});
});

describe('operations', () => {
	it('answers 429 with Retry-After once a tenant passes its limit', async () => {
		// A pinned clock: four requests straddling a minute boundary would otherwise land in two windows.
		const now = () => Date.UTC(2026, 10, 30, 12, 0, 30);
		const limited = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false, tenant: {rateLimitPerMinute: 3}, now});
		try {
			const statuses: number[] = [];
			for (let i = 0; i < 4; i++) statuses.push((await fetch(`${limited.baseUrl}/v1/renders/none`, {headers: limited.auth})).status);
			expect(statuses).toEqual([404, 404, 404, 429]);
			const refused = await fetch(`${limited.baseUrl}/v1/renders/none`, {headers: limited.auth});
			expect(refused.headers.get('retry-after')).toBe('30');
		} finally {
			await limited.close();
		}
	});

	it('is ready only while Redis answers and a worker beats, and alive regardless', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'billcast-readyz-'));
		const redisServer = await startRedisServer({port: await freePort(), dir});
		const redis = connectRedis(redisServer.url);
		const logger = makeLogger({service: 'api', level: 'silent'});
		const services = buildServices({
			config: {publicBaseUrl: 'http://x', watchSecret: 'x'.repeat(32), watchTtlDays: 1, retentionDays: 1, queueName: 'readyz', webhookQueueName: 'readyz-webhooks', storage: {kind: 'local', dir}},
			redis,
			tenants: makeTenantRegistry([DEV_TENANT]),
			logger,
		});
		const app = makeApp({
			config: {bodyLimit: '1kb', batchBodyLimit: '1kb', publicBaseUrl: 'http://x', watchSecret: 'x'.repeat(32), adminKey: undefined},
			services,
			logger,
			metrics: makeMetrics(),
		});
		const port = await freePort();
		const server = app.listen(port, '127.0.0.1');
		const readyz = async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).json() as Promise<{ready: boolean; checks: Record<string, boolean>}>;
		try {
			expect(await readyz()).toMatchObject({ready: false, checks: {redis: true, workerHeartbeat: false}});
			await redis.set(heartbeatKey('readyz'), 'now');
			expect((await readyz()).ready).toBe(true);
			await redisServer.stop();
			expect(await readyz()).toMatchObject({ready: false, checks: {redis: false}});
			expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
		} finally {
			server.close();
			redis.disconnect();
			await rm(dir, {recursive: true, force: true});
		}
	});
});
