import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, inject, it, vi} from 'vitest';
import type {WebhookDelivery} from '../../server/webhooks/webhook-deliveries';
import {loadOpenApiValidator} from '../helpers/openapi-validator';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';
import {startWebhookReceiver} from '../helpers/webhook-receiver';

const secret = `whsec_${randomBytes(24).toString('hex')}`;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let stack: TestStack;
let validate: Awaited<ReturnType<typeof loadOpenApiValidator>>;

beforeAll(async () => {
	receiver = await startWebhookReceiver({secret, failFirst: 2});
	stack = await startTestStack({
		redisUrl: inject('redisUrl'),
		serveUrl: inject('serveUrl'),
		withWorker: true,
		tenant: {webhook: {url: receiver.url, secret}},
		webhookRetryBaseMs: 200,
	});
	validate = await loadOpenApiValidator(stack.baseUrl);
});
afterAll(async () => {
	await stack?.close();
	await receiver?.close();
});

const getJson = async <T>(path: string, headers = stack.auth): Promise<{status: number; body: T}> => {
	const response = await fetch(`${stack.baseUrl}${path}`, {headers});
	return {status: response.status, body: (await response.json()) as T};
};

const post = (path: string, body: unknown) =>
	fetch(`${stack.baseUrl}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth}, body: JSON.stringify(body)});

/** The one render every test shares, since a render takes half a minute on a busy machine. */
const shortRender = {template: 'telco-bill', bill: shortBill, scale: 0.25};

/** Waits until the receiver has accepted an event that matches, and answers every request that carried it. */
const acceptedEvent = async (matches: (event: (typeof receiver.received)[number]['event']) => boolean) =>
	vi.waitFor(
		() => {
			const accepted = receiver.received.find((r) => matches(r.event) && r.answered === 204);
			if (!accepted) throw new Error(`no accepted event yet; received ${receiver.received.map((r) => `${r.event.type} ${r.answered}`).join(', ')}`);
			return receiver.deliveriesOf(accepted.event.id);
		},
		{timeout: 15_000, interval: 100},
	);

describe('signed webhooks', () => {
	it('post payment.clicked, signed, and retry it after the receiver fails twice; the attempts are visible through the API', async () => {
		const submitted = await post('/v1/renders', shortRender);
		const render = (await submitted.json()) as {id: string; links: {watch: string}};
		const token = render.links.watch.split('/w/')[1]!;
		for (const event of [{type: 'view_started'}, {type: 'pay_clicked', hotspot: 'pay'}]) {
			const sent = await fetch(`${stack.baseUrl}/v1/watch/${token}/events`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: JSON.stringify(event)});
			expect(sent.status).toBe(204);
		}

		const requests = await acceptedEvent((event) => event.type === 'payment.clicked');
		expect(requests.map((r) => r.answered)).toEqual([500, 500, 204]);
		expect(requests.every((r) => r.signature.status === 'valid' && r.body === requests[0]!.body)).toBe(true);
		const event = requests[0]!.event;
		// The link is signed again when the event is made, so its expiry second may be the next one: the page is what matters.
		const watchPage = render.links.watch.slice(0, render.links.watch.lastIndexOf('/w/') + 3) + render.id;
		expect(event).toMatchObject({type: 'payment.clicked', data: {render: {id: render.id, links: {watch: expect.stringContaining(`${watchPage}.`)}}, hotspot: 'pay'}});
		expect(validate('WebhookEvent', event)).toEqual([]);
		// Only the pay click is a webhook event; the view is analytics only.
		expect(receiver.received.filter((r) => r.event.type === 'payment.clicked')).toHaveLength(3);

		const delivery = await vi.waitFor(async () => {
			const {body} = await getJson<WebhookDelivery>(`/v1/webhooks/deliveries/${event.id}`);
			expect(body.status).toBe('delivered');
			return body;
		});
		expect(validate('WebhookDelivery', delivery)).toEqual([]);
		expect(delivery).toMatchObject({id: event.id, event, status: 'delivered'});
		expect(delivery.attempts.map((a) => [a.attempt, a.type === 'response' ? a.statusCode : a.error, a.url])).toEqual([
			[1, 500, receiver.url],
			[2, 500, receiver.url],
			[3, 204, receiver.url],
		]);
		expect(delivery.attempts.every((a) => a.durationMs >= 0 && a.durationMs < 10_000)).toBe(true);
		// The retries waited 200 ms and then 400 ms: the schedule's first two steps at the test's base.
		const at = delivery.attempts.map((a) => Date.parse(a.at));
		expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(200);
		expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(400);

		const list = await getJson<{deliveries: WebhookDelivery[]}>('/v1/webhooks/deliveries');
		expect(validate('WebhookDeliveryList', list.body)).toEqual([]);
		expect(list.body.deliveries.map((d) => d.id)).toContain(event.id);
		expect(list.body.deliveries[0]).not.toHaveProperty('tenant');

		const other = await getJson<{code: string}>(`/v1/webhooks/deliveries/${event.id}`, stack.otherAuth);
		expect(other).toMatchObject({status: 404, body: {code: 'not_found'}});
		expect((await getJson<{deliveries: WebhookDelivery[]}>('/v1/webhooks/deliveries', stack.otherAuth)).body.deliveries).toEqual([]);
		expect((await getJson<{code: string; errors: {path: string}[]}>('/v1/webhooks/deliveries?limit=500')).body).toMatchObject({
			code: 'validation_failed',
			errors: [{path: 'limit'}],
		});
	});

	it('post render.completed and batch.completed, once each, when the last render of a batch ends in the worker', async () => {
		const batch = await post('/v1/batches', [shortRender, shortRender, {template: 'telco-bill', bill: {}}]);
		const accepted = (await batch.json()) as {id: string; accepted: number; rejected: number};
		// The second line repeats the first: one render, counted once and reported as a repeat.
		expect(accepted).toMatchObject({accepted: 1, rejected: 1, warnings: [{line: 2}]});
		const exported = await (await fetch(`${stack.baseUrl}/v1/batches/${accepted.id}/export.ndjson`, {headers: stack.auth})).text();
		const renderIds = exported.trim().split('\n').map((line) => (JSON.parse(line) as {renderId: string}).renderId);
		expect(new Set(renderIds).size).toBe(1);
		const renderId = renderIds[0]!;
		// Still rendering when the batch was read in: the worker, not the ingest, is the one to complete the batch.
		expect((await getJson<{status: string}>(`/v1/renders/${renderId}`)).body.status).not.toBe('completed');

		const rendered = (await waitForRender(stack, renderId)) as {status: string; output: unknown; links: {self: string; video: string}};
		expect(rendered.status).toBe('completed');
		const [renderEvent] = await acceptedEvent((event) => event.type === 'render.completed' && event.data.render.id === renderId);
		expect(renderEvent!.event).toMatchObject({
			type: 'render.completed',
			data: {render: {id: renderId, status: 'completed', output: rendered.output, links: {self: rendered.links.self, video: rendered.links.video}}},
		});
		expect(validate('WebhookEvent', renderEvent!.event)).toEqual([]);

		const [batchEvent] = await acceptedEvent((event) => event.type === 'batch.completed' && event.data.batch.id === accepted.id);
		expect(batchEvent!.event).toMatchObject({
			type: 'batch.completed',
			data: {batch: {id: accepted.id, status: 'accepted', accepted: 1, rejected: 1, progress: 1, renders: {completed: 1, queued: 0, rendering: 0}}},
		});
		expect(validate('WebhookEvent', batchEvent!.event)).toEqual([]);
		const events = receiver.received.filter((r) => r.answered === 204).map((r) => r.event);
		expect(events.filter((e) => e.type === 'render.completed' && e.data.render.id === renderId)).toHaveLength(1);
		expect(events.filter((e) => e.type === 'batch.completed' && e.data.batch.id === accepted.id)).toHaveLength(1);
	});

	it('post batch.completed at once for a batch whose renders had all ended, or that has none', async () => {
		const {id: renderId} = (await (await post('/v1/renders', shortRender)).json()) as {id: string};
		expect(await waitForRender(stack, renderId)).toMatchObject({status: 'completed'});
		for (const {lines, accepted} of [
			{lines: [shortRender], accepted: 1},
			{lines: [{template: 'telco-bill', bill: {}}], accepted: 0},
		]) {
			const {id} = (await (await post('/v1/batches', lines)).json()) as {id: string};
			const [received] = await acceptedEvent((event) => event.type === 'batch.completed' && event.data.batch.id === id);
			expect(received!.event).toMatchObject({data: {batch: {id, accepted, renders: {completed: accepted}}}});
		}
	});

	it('post render.failed once a render has failed for good', async () => {
		const id = `broken-${randomBytes(4).toString('hex')}`;
		await stack.store.create({id, tenant: stack.tenantId, template: 'telco-bill', format: 'landscape'});
		await stack.queue.queue.add('render', {renderId: id} as never, {jobId: id, attempts: 1});
		const [received] = await acceptedEvent((event) => event.type === 'render.failed' && event.data.render.id === id);
		expect(received!.event).toMatchObject({type: 'render.failed', data: {render: {id, status: 'failed', error: {code: 'invalid_job'}}}});
		expect(validate('WebhookEvent', received!.event)).toEqual([]);
	});
});
