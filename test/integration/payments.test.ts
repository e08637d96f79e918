import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, inject, it, vi} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {loadOpenApiValidator} from '../helpers/openapi-validator';
import {startTestStack, type TestStack} from '../helpers/test-stack';
import {startWebhookReceiver} from '../helpers/webhook-receiver';

const secret = `whsec_${randomBytes(24).toString('hex')}`;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let stack: TestStack;
let validate: Awaited<ReturnType<typeof loadOpenApiValidator>>;

beforeAll(async () => {
	receiver = await startWebhookReceiver({secret, failFirst: 0});
	// No render worker: a payment needs the render's record, not its video.
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false, tenant: {webhook: {url: receiver.url, secret}}});
	validate = await loadOpenApiValidator(stack.baseUrl);
});
afterAll(async () => {
	await stack?.close();
	await receiver?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = stack.auth) =>
	fetch(`${stack.baseUrl}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body: JSON.stringify(body)});

const billFor = (customer: string, billNumber: string) => ({...sampleTelcoBill, billNumber, customer: {...sampleTelcoBill.customer, id: customer}});

const submit = async (customer: string, billNumber: string) => {
	const response = await post('/v1/renders', {template: 'telco-bill', bill: billFor(customer, billNumber), scale: 0.25});
	expect(response.status).toBe(202);
	const body = (await response.json()) as {id: string; links: {watch: string}};
	return {id: body.id, token: body.links.watch.split('/w/')[1]!};
};

const payment = {amount: 6840, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z', reference: 'PSP-0001'};

describe('payment confirmations', () => {
	it('confirm a render once per reference, send payment.confirmed once, and refuse a second, different payment', async () => {
		const {id} = await submit('PAY-1', 'INV-PAY-1');
		const first = await post(`/v1/renders/${id}/payment`, payment);
		expect(first.status).toBe(201);
		const confirmed = await first.json();
		expect(confirmed).toMatchObject({status: 'confirmed', payment: {...payment, renderId: id}});
		expect(validate('PaymentResult', confirmed)).toEqual([]);

		const again = await post(`/v1/renders/${id}/payment`, payment);
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual({...confirmed, status: 'duplicate'});

		const other = await post(`/v1/renders/${id}/payment`, {...payment, reference: 'PSP-0002'});
		expect(other.status).toBe(409);
		expect(other.headers.get('content-type')).toContain('application/problem+json');
		expect(await other.json()).toMatchObject({code: 'payment_conflict'});

		const event = await vi.waitFor(
			() => {
				const found = receiver.received.find((r) => r.event.type === 'payment.confirmed' && r.event.data.render.id === id);
				if (!found) throw new Error('no payment.confirmed yet');
				return found.event;
			},
			{timeout: 15_000, interval: 100},
		);
		expect(event).toMatchObject({type: 'payment.confirmed', data: {render: {id}, payment: {reference: 'PSP-0001', paidAt: payment.paidAt}}});
		expect(JSON.stringify(event)).not.toContain('6840');
		expect(validate('WebhookEvent', event)).toEqual([]);
		// The duplicate and the conflict sent nothing: only one event for this render ever reaches the receiver.
		const deliveries = (await (await fetch(`${stack.baseUrl}/v1/webhooks/deliveries?limit=100`, {headers: stack.auth})).json()) as {
			deliveries: Array<{event: {type: string; data: {render: {id: string}}}}>;
		};
		expect(deliveries.deliveries.filter((d) => d.event.type === 'payment.confirmed' && d.event.data.render.id === id)).toHaveLength(1);
	});

	it("answer another tenant's render exactly like a missing one, and name an invalid field", async () => {
		const {id} = await submit('PAY-2', 'INV-PAY-2');
		const foreign = await post(`/v1/renders/${id}/payment`, payment, stack.otherAuth);
		const missingId = `${id.slice(0, -4)}ffff`;
		const missing = await post(`/v1/renders/${missingId}/payment`, payment, stack.otherAuth);
		expect(foreign.status).toBe(404);
		expect(foreign.headers.get('content-type')).toBe(missing.headers.get('content-type'));
		expect((await foreign.text()).replace(id, 'ID')).toBe((await missing.text()).replace(missingId, 'ID'));

		const invalid = await post(`/v1/renders/${id}/payment`, {...payment, amount: 68.4, paidAt: 'yesterday'});
		expect(invalid.status).toBe(422);
		const problem = (await invalid.json()) as {errors: Array<{path: string}>};
		expect(problem.errors.map((e) => e.path).sort()).toEqual(['amount', 'paidAt']);
		// A payment that would show the bill settled when it is not: short of the €68.40 asked, in another currency, or
		// dated tomorrow (a unit mix-up, a wrong account, a typo). Each names its field, and the bill stays unpaid.
		const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
		for (const [misfit, path] of [
			[{amount: 684}, 'amount'],
			[{currency: 'USD'}, 'currency'],
			[{paidAt: tomorrow}, 'paidAt'],
		] as const) {
			const refused = await post(`/v1/renders/${id}/payment`, {...payment, ...misfit});
			expect(refused.status).toBe(422);
			expect(refused.headers.get('content-type')).toContain('application/problem+json');
			const body = (await refused.json()) as {code: string; errors: Array<{path: string}>};
			expect(body.code).toBe('validation_failed');
			expect(body.errors.map((e) => e.path)).toEqual([path]);
		}
		// Nothing was recorded by the refused requests.
		const watch = await (await fetch(`${stack.baseUrl}/v1/watch/${(await submit('PAY-2', 'INV-PAY-2')).token}`)).json();
		expect(watch).not.toHaveProperty('paid');
	});

	it('show the bill paid on the watch page and in the watch data, with no pay button', async () => {
		const {id, token} = await submit('PAY-3', 'INV-PAY-3');
		const before = await (await fetch(`${stack.baseUrl}/w/${token}`)).text();
		expect(before).toContain('data-billcast-pay');
		expect((await post(`/v1/renders/${id}/payment`, {...payment, reference: 'PSP-3'})).status).toBe(201);

		const data = await (await fetch(`${stack.baseUrl}/v1/watch/${token}`)).json();
		expect(data.paid).toEqual({amount: 6840, currency: 'EUR', paidAt: payment.paidAt});
		const page = await (await fetch(`${stack.baseUrl}/w/${token}`)).text();
		expect(page).not.toContain('data-billcast-pay');
		expect(page).toMatch(/data-billcast-paid>.*We received €68\.40 on 20\u00a0November\u00a02026\. Thank you!/);
		expect(page).not.toContain('PSP-3');
	});

	it('confirm payments by bill number within a batch, reporting bills the batch does not hold', async () => {
		const lines = [billFor('BATCH-PAY-1', 'INV-B-1'), billFor('BATCH-PAY-2', 'INV-B-2')].map((bill) => ({template: 'telco-bill', bill, scale: 0.25}));
		const batch = (await (await post('/v1/batches', lines)).json()) as {id: string};
		const response = await post(`/v1/batches/${batch.id}/payments`, [
			{billNumber: 'INV-B-2', ...payment, reference: 'B-2'},
			{billNumber: 'INV-NOPE', ...payment, reference: 'B-X'},
			{billNumber: 'INV-B-2', ...payment, reference: 'B-2'},
			{billNumber: 'INV-B-1', ...payment, amount: 68, reference: 'B-1'},
		]);
		expect(response.status).toBe(200);
		const body = (await response.json()) as {results: Array<{billNumber: string; status: string; payment?: {renderId: string}}>};
		expect(validate('BatchPaymentsResult', body)).toEqual([]);
		expect(body.results.map((r) => [r.billNumber, r.status])).toEqual([
			['INV-B-2', 'confirmed'],
			['INV-NOPE', 'not_found'],
			['INV-B-2', 'duplicate'],
			['INV-B-1', 'refused'],
		]);
		expect(body.results[3]).toMatchObject({errors: [{path: '[3].amount'}]});
		const renderId = body.results[0]!.payment!.renderId;
		expect(renderId).toContain('BATCH-PAY-2');

		const foreign = await post(`/v1/batches/${batch.id}/payments`, [{billNumber: 'INV-B-1', ...payment}], stack.otherAuth);
		expect(foreign.status).toBe(404);
		const invalid = await post(`/v1/batches/${batch.id}/payments`, [{billNumber: 'INV-B-1', ...payment, currency: 'euro'}]);
		expect(invalid.status).toBe(200);
		expect(((await invalid.json()) as {results: unknown[]}).results).toEqual([{billNumber: 'INV-B-1', status: 'refused', errors: [expect.objectContaining({path: '[0].currency'})]}]);
	});
});
