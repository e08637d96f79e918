import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, inject, it, vi} from 'vitest';
import {KEY_TAG, scanKeys} from '../../server/platform/redis-connection';
import {sendViewerEvent} from '../helpers/campaign';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';
import {startWebhookReceiver} from '../helpers/webhook-receiver';

const secret = `whsec_${randomBytes(24).toString('hex')}`;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let stack: TestStack;

beforeAll(async () => {
	receiver = await startWebhookReceiver({secret, failFirst: 0});
	// Records expire as in production: the point is to see every key's lifetime as a deployment would have it.
	stack = await startTestStack({
		redisUrl: inject('redisUrl'),
		serveUrl: inject('serveUrl'),
		withWorker: true,
		recordTtl: true,
		tenant: {webhook: {url: receiver.url, secret}},
	});
});
afterAll(async () => {
	await stack?.close();
	await receiver?.close();
});

/**
 * The keys allowed to live without a TTL, each with what removes it. Anything else without a TTL fails the test: a key
 * that would stay in Redis for ever, one per bill, is how a million-bill deployment runs out of memory.
 */
const owners = (keyPrefix: string, queue: string): Array<{pattern: RegExp; owner: string}> => {
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const bull = (name: string) => `^${escape(KEY_TAG)}:${escape(name)}:`;
	const structure = '(meta|id|events|wait|paused|active|prioritized|delayed|completed|failed|stalled|pc|marker|limiter|repeat)$';
	return [
		{pattern: new RegExp(`^${escape(keyPrefix)}mapping:`), owner: 'tenant configuration: lives until the tenant replaces or deletes it (PUT/DELETE /v1/mappings/:name)'},
		{pattern: new RegExp(`${bull(queue)}${structure}`), owner: 'the render queue itself: its lists and sets hold only live jobs, its event stream is capped by BullMQ'},
		{pattern: new RegExp(`${bull(`${queue}-webhooks`)}${structure}`), owner: 'the webhook queue itself'},
		{pattern: new RegExp(`${bull(`${queue}-posters`)}${structure}`), owner: 'the poster queue itself'},
		{pattern: new RegExp(`${bull(`${queue}-narration`)}${structure}`), owner: 'the narration queue itself'},
		{pattern: new RegExp(`${bull(queue)}[^:]+$`), owner: 'render jobs: the worker removes a completed job after a day (at most 10,000 kept), a failed one after 7 (RENDER_JOBS_KEPT)'},
		{pattern: new RegExp(`${bull(`${queue}-webhooks`)}[^:]+$`), owner: 'webhook jobs: removed on completion, after 7 days when failed (webhook-queue.ts)'},
		{pattern: new RegExp(`${bull(`${queue}-posters`)}[^:]+$`), owner: 'poster jobs: removed as soon as they end (on-demand-poster-queue.ts)'},
		{pattern: new RegExp(`${bull(`${queue}-narration`)}[^:]+$`), owner: 'narration jobs: removed on completion, after a day when failed (narration-queue.ts)'},
	];
};

const keysWithTtls = async (redis: TestStack['redis'], patterns: string[]) => {
	const keys = new Set<string>();
	for (const match of patterns) {
		for await (const page of scanKeys(redis, match)) for (const key of page) keys.add(key);
	}
	const sorted = [...keys].sort();
	const ttls = await Promise.all(sorted.map((key) => redis.ttl(key)));
	return sorted.map((key, index) => ({key, ttl: ttls[index]!}));
};

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
	fetch(`${stack.baseUrl}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth, ...headers}, body: JSON.stringify(body)});

describe('key lifetimes', () => {
	it('leave no key without a TTL after a full cycle, except the ones a named owner removes', async () => {
		// A single render, sent with an Idempotency-Key, rendered and watched.
		const single = await post('/v1/renders', {template: 'telco-bill', scale: 0.2, bill: {...shortBill, billNumber: 'KEYS-1'}}, {'idempotency-key': `keys-${randomBytes(4).toString('hex')}`});
		expect(single.status).toBe(202);
		const render = (await single.json()) as {id: string; links: {watch: string}};
		expect((await waitForRender(stack, render.id)).status).toBe('completed');

		// A batch of two: one rendered, one with its MP4 on demand (a marker nobody asks for here).
		const lines = [
			{template: 'telco-bill', scale: 0.2, bill: {...shortBill, billNumber: 'KEYS-2', customer: {...shortBill.customer, id: 'KEYS-C2'}}},
			{template: 'telco-bill', scale: 0.2, outputs: {mp4: 'on-demand', poster: 'on-demand'}, bill: {...shortBill, billNumber: 'KEYS-3', customer: {...shortBill.customer, id: 'KEYS-C3'}}},
		];
		const batchResponse = await post('/v1/batches', lines);
		expect(batchResponse.status).toBe(202);
		const batch = (await batchResponse.json()) as {id: string};
		const exported = await (await fetch(`${stack.baseUrl}/v1/batches/${batch.id}/export.ndjson`, {headers: stack.auth})).text();
		const rows = exported.trim().split('\n').map((line) => JSON.parse(line) as {renderId: string; watchLink: string});
		expect(rows).toHaveLength(2);
		await vi.waitFor(
			() => {
				if (!receiver.received.some((r) => r.event.type === 'batch.completed')) throw new Error('no batch.completed yet');
			},
			{timeout: 150_000, interval: 300},
		);

		// Viewer events on both, a payment, a mapping, and the analytics read back.
		for (const token of [render.links.watch, rows[0]!.watchLink].map((link) => link.split('/w/')[1]!)) {
			await sendViewerEvent(stack, token, {type: 'view_started', scene: 'greeting'});
			await sendViewerEvent(stack, token, {type: 'pay_clicked', scene: 'due'});
		}
		expect((await post(`/v1/renders/${rows[0]!.renderId}/payment`, {amount: 3000, currency: 'EUR', paidAt: new Date().toISOString(), reference: 'KEYS-PAY'})).status).toBe(201);
		const mapping = {columns: {Conto: 'bill.customer.id', Fattura: 'bill.billNumber'}, defaults: {template: 'telco-bill'}};
		const put = await fetch(`${stack.baseUrl}/v1/mappings/keys`, {method: 'PUT', headers: {'content-type': 'application/json', ...stack.auth}, body: JSON.stringify(mapping)});
		expect(put.status).toBeLessThan(300);
		const analytics = (await (await fetch(`${stack.baseUrl}/v1/batches/${batch.id}/analytics`, {headers: stack.auth})).json()) as {funnel?: unknown};
		expect(JSON.stringify(analytics)).toContain('"paid"');
		await vi.waitFor(
			() => {
				const types = new Set<string>(receiver.received.map((r) => r.event.type));
				for (const type of ['render.completed', 'batch.completed', 'payment.confirmed']) if (!types.has(type)) throw new Error(`no ${type} yet`);
			},
			{timeout: 30_000, interval: 200},
		);

		const queue = stack.queue.queue.name;
		const keys = await keysWithTtls(stack.redis, [`${stack.keyPrefix}*`, `${KEY_TAG}:${queue}*`, `*${queue}*`]);
		// The cycle wrote every kind of key: a check over too few keys would prove nothing.
		for (const kind of ['render:', 'batch:', 'events:', 'idempotency:', 'webhook:delivery:', 'payment:', 'an:', 'campaign:', 'mapping:']) {
			expect(keys.some(({key}) => key.startsWith(`${stack.keyPrefix}${kind}`)), kind).toBe(true);
		}
		const rules = owners(stack.keyPrefix, queue);
		const unowned = keys.filter(({ttl}) => ttl === -1).filter(({key}) => !rules.some(({pattern}) => pattern.test(key)));
		expect(unowned.map(({key}) => key)).toEqual([]);
		// Every billcast key but the tenant's mappings expires by itself.
		const lasting = keys.filter(({key, ttl}) => ttl === -1 && key.startsWith(stack.keyPrefix)).map(({key}) => key);
		expect(lasting).toEqual([`${stack.keyPrefix}mapping:${stack.tenantId}:keys`]);
	});
});
