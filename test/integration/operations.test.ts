import {mkdir, mkdtemp, rm, stat, utimes, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Writable} from 'node:stream';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {connectRedis} from '../../server/platform/redis-connection';
import {makeRenderStore} from '../../server/renders/render-store';
import {sweepExpiredRenders} from '../../server/worker/retention';
import {makeLocalStorage} from '../../server/storage/local-storage';
import {startTestStack, type TestStack} from '../helpers/test-stack';

const ADMIN_KEY = 'test-admin-key-0123456789';
const logLines: Array<Record<string, unknown>> = [];
const logText: string[] = [];
const logDestination = new Writable({
	write(chunk: Buffer, _encoding, done) {
		for (const line of chunk.toString().split('\n').filter(Boolean)) {
			logText.push(line);
			logLines.push(JSON.parse(line) as Record<string, unknown>);
		}
		done();
	},
});

let stack: TestStack;
let closedStack: TestStack;
beforeAll(async () => {
	[stack, closedStack] = await Promise.all([
		startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false, logDestination, adminKey: ADMIN_KEY}),
		startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false}),
	]);
});
afterAll(async () => {
	await Promise.all([stack?.close(), closedStack?.close()]);
});

const submit = () =>
	fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', 'x-request-id': 'req-ops-1', ...stack.auth},
		body: JSON.stringify({template: 'telco-bill', bill: sampleTelcoBill}),
	});

describe('structured logs', () => {
	it('log one JSON line per request with its id, and never a name, an amount, a key or a watch token', async () => {
		const created = await submit();
		expect(created.status).toBe(202);
		expect(created.headers.get('x-request-id')).toBe('req-ops-1');
		const {links} = (await created.json()) as {links: {watch: string}};
		const token = links.watch.split('/w/')[1]!;
		expect((await fetch(links.watch)).status).toBe(200);
		const fresh = await fetch(`${stack.baseUrl}/healthz`, {headers: {'x-request-id': 'not a sane id!'}});
		const generated = fresh.headers.get('x-request-id')!;
		expect(generated).toMatch(/^[0-9a-f-]{36}$/);

		// The access log is written once the response has finished, which may be after the client has read it.
		await expect.poll(() => logLines).toContainEqual(expect.objectContaining({service: 'api', requestId: 'req-ops-1', route: '/v1/renders', status: 202, method: 'POST'}));
		await expect.poll(() => logLines).toContainEqual(expect.objectContaining({requestId: generated, path: '/healthz'}));
		await expect.poll(() => logLines).toContainEqual(expect.objectContaining({path: '/w/:token', status: 200}));
		const everything = logText.join('\n');
		for (const secret of [token, stack.apiKey, sampleTelcoBill.customer.name, '68.40', '6840']) expect(everything).not.toContain(secret);
	});
});

describe('/metrics and /admin/queues', () => {
	it('answer only with the admin key, as Bearer or as the Basic password', async () => {
		await submit();
		const refused = await fetch(`${stack.baseUrl}/metrics`);
		expect(refused.status).toBe(401);
		expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		expect((await fetch(`${stack.baseUrl}/metrics`, {headers: {authorization: 'Bearer wrong-key-0123456789'}})).status).toBe(401);

		const metrics = await fetch(`${stack.baseUrl}/metrics`, {headers: {authorization: `Bearer ${ADMIN_KEY}`}});
		expect(metrics.status).toBe(200);
		const text = await metrics.text();
		expect(text).toMatch(/billcast_http_request_duration_seconds_count\{method="POST",route="\/v1\/renders",status="202"\} [1-9]/);
		expect(text).toMatch(new RegExp(`billcast_jobs\\{queue="${stack.queue.queue.name}",state="waiting"\\} 1`));
		expect(text).toContain('billcast_render_duration_seconds');
		expect(text).toContain('billcast_webhook_deliveries_total');

		const basic = `Basic ${Buffer.from(`admin:${ADMIN_KEY}`).toString('base64')}`;
		expect((await fetch(`${stack.baseUrl}/admin/queues`)).status).toBe(401);
		const board = await fetch(`${stack.baseUrl}/admin/queues`, {headers: {authorization: basic}});
		expect(board.status).toBe(200);
		expect(await board.text()).toMatch(/<html/i);
		const api = await fetch(`${stack.baseUrl}/admin/queues/api/queues`, {headers: {authorization: basic}});
		expect(JSON.stringify(await api.json())).toContain(stack.queue.queue.name);
		await expect.poll(() => logLines).toContainEqual(expect.objectContaining({path: '/admin/queues', route: '/admin/queues/*', status: 200}));
	});

	it('do not exist without an admin key', async () => {
		expect((await fetch(`${closedStack.baseUrl}/metrics`)).status).toBe(404);
		expect((await fetch(`${closedStack.baseUrl}/admin/queues`)).status).toBe(404);
	});
});

describe('retention', () => {
	it('expires render records with the retention and deletes folders older than it', async () => {
		const redis = connectRedis(inject('redisUrl'));
		const rendersDir = await mkdtemp(join(tmpdir(), 'billcast-retention-'));
		const prefix = `retention-${Date.now()}:`;
		const store = makeRenderStore({redis, prefix, ttlSeconds: 90 * 86_400});
		try {
			for (const id of ['old_render', 'new_render']) {
				await store.create({id, tenant: 't', template: 'telco-bill', format: 'landscape', bill: sampleTelcoBill});
				await mkdir(join(rendersDir, id));
				await writeFile(join(rendersDir, id, 'video.mp4'), 'x');
			}
			await store.markRendering('old_render', 0.5, 1);
			// An update keeps the expiry set at creation.
			expect(await redis.ttl(`${prefix}old_render`)).toBeGreaterThan(89 * 86_400);
			expect(await redis.ttl(`${prefix}old_render:props`)).toBeGreaterThan(89 * 86_400);
			const hundredDaysAgo = new Date(Date.now() - 100 * 86_400_000);
			await utimes(join(rendersDir, 'old_render', 'video.mp4'), hundredDaysAgo, hundredDaysAgo);

			expect(await sweepExpiredRenders({storage: makeLocalStorage({dir: rendersDir}), store, olderThanDays: 90})).toEqual({deleted: ['old_render']});
			await expect(stat(join(rendersDir, 'old_render'))).rejects.toThrow(/ENOENT/);
			expect(await store.get('old_render')).toBeUndefined();
			expect((await stat(join(rendersDir, 'new_render', 'video.mp4'))).isFile()).toBe(true);
			expect(await store.get('new_render')).toMatchObject({status: 'queued'});
		} finally {
			await store.delete('new_render');
			redis.disconnect();
			await rm(rendersDir, {recursive: true, force: true});
		}
	});
});
