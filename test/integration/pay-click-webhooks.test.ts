import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, inject, it, vi} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import type {WebhookDelivery} from '../../server/webhooks/webhook-deliveries';
import {startTestStack, type TestStack} from '../helpers/test-stack';
import {startWebhookReceiver} from '../helpers/webhook-receiver';

const secret = `whsec_${randomBytes(24).toString('hex')}`;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let stack: TestStack;

beforeAll(async () => {
	receiver = await startWebhookReceiver({secret, failFirst: 0});
	// No render worker: a watch link works while its render is queued, and clicks need nothing drawn.
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false, tenant: {webhook: {url: receiver.url, secret}}});
});
afterAll(async () => {
	await stack?.close();
	await receiver?.close();
});

/** A bill still to pay, of its own customer, so each test has a render and a bill of its own. */
const submit = async (): Promise<{id: string; token: string}> => {
	const bill = {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: `CUST-CLICK-${randomBytes(4).toString('hex')}`}};
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({template: 'telco-bill', bill, scale: 0.25}),
	});
	expect(response.status).toBe(202);
	const render = (await response.json()) as {id: string; links: {watch: string}};
	return {id: render.id, token: render.links.watch.split('/w/')[1]!};
};

const payClick = async (token: string) => {
	const response = await fetch(`${stack.baseUrl}/v1/watch/${token}/events`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: '{"type":"pay_clicked","hotspot":"pay"}'});
	expect(response.status).toBe(204);
};

/** The render's deliveries of one event type; each is recorded before the viewer event is answered. */
const deliveriesOf = async (renderId: string, type: string) => {
	const {deliveries} = (await (await fetch(`${stack.baseUrl}/v1/webhooks/deliveries?limit=100`, {headers: stack.auth})).json()) as {deliveries: WebhookDelivery[]};
	return deliveries.filter(({event}) => event.type === type && 'render' in event.data && event.data.render.id === renderId);
};

const gateKey = (renderId: string) => `${stack.keyPrefix}webhook:pay-click:${renderId}`;

describe('payment.clicked', () => {
	it("tells the tenant of a render's pay clicks once in half an hour, however many come and however they race", async () => {
		const render = await submit();
		await payClick(render.token);
		await payClick(render.token);
		await Promise.all(Array.from({length: 5}, () => payClick(render.token)));
		expect(await deliveriesOf(render.id, 'payment.clicked')).toHaveLength(1);
		await vi.waitFor(() => expect(receiver.received.filter(({event}) => event.type === 'payment.clicked' && event.data.render.id === render.id).map((r) => r.answered)).toEqual([204]), {
			timeout: 15_000,
		});
		// The window is the gate key's life: the next click after it is a new viewing.
		const ttl = await stack.redis.ttl(gateKey(render.id));
		expect(ttl).toBeGreaterThan(0);
		expect(ttl).toBeLessThanOrEqual(30 * 60);

		// Each render counts on its own: the same customer may hold another bill's link.
		const other = await submit();
		await payClick(other.token);
		expect(await deliveriesOf(other.id, 'payment.clicked')).toHaveLength(1);
	});

	it('never tells of a pay click on a bill the tenant has confirmed paid', async () => {
		const render = await submit();
		const paid = await fetch(`${stack.baseUrl}/v1/renders/${render.id}/payment`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify({amount: sampleTelcoBill.amountDue, currency: sampleTelcoBill.customer.currency, paidAt: new Date().toISOString(), reference: `REF-${render.id}`}),
		});
		expect(paid.status).toBe(201);
		await payClick(render.token);
		await payClick(render.token);
		expect(await deliveriesOf(render.id, 'payment.confirmed')).toHaveLength(1);
		expect(await deliveriesOf(render.id, 'payment.clicked')).toEqual([]);
		expect(await stack.redis.exists(gateKey(render.id))).toBe(0);
	});
});
