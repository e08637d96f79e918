import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {tmf678V4Sample} from '../../src/fixtures/tmf678-v4-sample';
import {tmf678V5Sample} from '../../src/fixtures/tmf678-v5-sample';
import {sampleBill} from '../../src/sample-bill';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
/** A tenant that configured neither a checkout URL template nor a brand. */
let bare: TestStack;
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
	bare = await startTestStack({
		redisUrl: inject('redisUrl'),
		serveUrl: inject('serveUrl'),
		withWorker: false,
		tenant: {checkoutUrlTemplate: undefined, brand: undefined},
	});
});
afterAll(async () => {
	await Promise.all([stack?.close(), bare?.close()]);
});

const post = (on: TestStack, path: string, body: string, contentType = 'application/json') =>
	fetch(`${on.baseUrl}${path}`, {method: 'POST', headers: {'content-type': contentType, ...on.auth}, body});

const problemPaths = async (response: Response) => {
	expect(response.status).toBe(422);
	expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
	const problem = (await response.json()) as {code: string; errors: {path: string; message: string}[]};
	expect(problem.code).toBe('validation_failed');
	return problem.errors.map((error) => error.path);
};

const withAmountDue = (value: number | string) => ({
	...tmf678V5Sample,
	customerBill: {...tmf678V5Sample.customerBill, amountDue: {unit: 'EUR', value}},
});

describe('POST /v1/renders with a TMF678 bill', () => {
	it('accepts a v5 bill, keeps the mapped telco bill and shows the render', async () => {
		const response = await post(stack, '/v1/renders', JSON.stringify({template: 'telco-bill', locale: 'it-IT', tmf678: tmf678V5Sample}));
		expect(response.status).toBe(202);
		const created = (await response.json()) as {id: string; status: string; template: string; links: {self: string; watch: string}};
		expect(created).toMatchObject({status: 'queued', template: 'telco-bill'});
		expect(created.id).toMatch(new RegExp(`^${stack.tenantId}_CUST-IT-2231_2026-10-31_`));

		const shown = (await (await fetch(created.links.self, {headers: stack.auth})).json()) as {id: string; status: string};
		expect(shown).toMatchObject({id: created.id, status: 'queued'});
		const token = created.links.watch.split('/w/')[1]!;
		const watched = (await (await fetch(`${stack.baseUrl}/v1/watch/${token}`)).json()) as {bill: Record<string, unknown>};
		expect(watched.bill).toMatchObject({
			customer: {id: 'CUST-IT-2231', name: 'Marco Bianchi', locale: 'it-IT', currency: 'EUR'},
			billNumber: 'ON-2026-11-7731',
			amountDue: 7015,
			// The dev tenant's template and brand, as TMF678 has neither.
			payment: {status: 'due', payUrl: 'https://pay.example.com/checkout?bill=ON-2026-11-7731&amount=70.15'},
			brand: sampleBill.brand,
		});
	});

	it('refuses a bad money value with problem+json naming the TMF field', async () => {
		const paths = await problemPaths(await post(stack, '/v1/renders', JSON.stringify({template: 'telco-bill', tmf678: withAmountDue(70.155)})));
		expect(paths).toEqual(['tmf678.customerBill.amountDue.value']);
	});

	it('refuses a TMF field of the wrong shape, both bill and tmf678, and another template', async () => {
		const noPeriod = {...tmf678V4Sample, customerBill: {...tmf678V4Sample.customerBill, billingPeriod: {startDateTime: 'October'}}};
		expect(await problemPaths(await post(stack, '/v1/renders', JSON.stringify({template: 'telco-bill', tmf678: noPeriod})))).toEqual([
			'tmf678.customerBill.billingPeriod.startDateTime',
			'tmf678.customerBill.billingPeriod.endDateTime',
		]);
		expect(await problemPaths(await post(stack, '/v1/renders', JSON.stringify({template: 'telco-bill', tmf678: tmf678V4Sample, bill: sampleBill})))).toEqual([
			'tmf678',
		]);
		expect(await problemPaths(await post(stack, '/v1/renders', JSON.stringify({template: 'utility-bill', tmf678: tmf678V4Sample})))).toEqual(['template']);
	});

	it('needs a brand and a checkout URL template from the request or the tenant', async () => {
		const body = {template: 'telco-bill', tmf678: tmf678V4Sample};
		expect(await problemPaths(await post(bare, '/v1/renders', JSON.stringify(body)))).toEqual(['brand']);
		const response = await post(bare, '/v1/renders', JSON.stringify({...body, brand: sampleBill.brand}));
		expect(await problemPaths(response.clone())).toEqual(['tmf678']);
		expect(((await response.json()) as {detail: string}).detail).toMatch(/no checkoutUrlTemplate/);
	});
});

describe('a batch line may be a TMF678 bill', () => {
	it('queues the good TMF line and reports the bad one by line and TMF field', async () => {
		const lines = [
			{template: 'telco-bill', tmf678: tmf678V4Sample},
			{template: 'telco-bill', tmf678: withAmountDue('70,15')},
			{template: 'telco-bill', bill: {...sampleBill, customer: {...sampleBill.customer, id: 'CYCLE-2'}}},
		].map((line) => JSON.stringify(line));
		const response = await post(stack, '/v1/batches', lines.join('\n'), 'application/x-ndjson');
		expect(response.status).toBe(202);
		const batch = (await response.json()) as {accepted: number; rejected: number; failures: {line: number; errors: {path: string}[]}[]; links: {exportNdjson: string}};
		expect(batch).toMatchObject({accepted: 2, rejected: 1});
		expect(batch.failures).toEqual([{line: 2, errors: [{path: 'tmf678.customerBill.amountDue.value', message: expect.any(String)}]}]);
		const exported = await (await fetch(batch.links.exportNdjson, {headers: stack.auth})).text();
		expect(exported.trim().split('\n').map((line) => (JSON.parse(line) as {customerReference: string}).customerReference)).toEqual(['CUST-100482', 'CYCLE-2']);
	});
});
