import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, inject, it, vi} from 'vitest';
import type {WebhookDelivery} from '../../server/webhook-deliveries';
import {loadOpenApiValidator} from '../helpers/openapi-validator';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, type TestStack} from '../helpers/test-stack';
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
		withWorker: false,
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

/** Waits until the receiver has accepted an event of this type, and answers every request that carried it. */
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
		const submitted = await fetch(`${stack.baseUrl}/v1/renders`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify({template: 'telco-bill', bill: shortBill, scale: 0.25}),
		});
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
		expect(event).toMatchObject({type: 'payment.clicked', data: {render: {id: render.id, links: {watch: render.links.watch}}, hotspot: 'pay'}});
		expect(validate('WebhookEvent', event)).toEqual([]);
		// Only the pay click is a webhook event; the view is analytics only.
		expect(receiver.received.every((r) => r.event.type === 'payment.clicked')).toBe(true);

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
});
