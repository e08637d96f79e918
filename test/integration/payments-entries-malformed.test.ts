import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {loadOpenApiValidator} from '../helpers/openapi-validator';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
let validate: Awaited<ReturnType<typeof loadOpenApiValidator>>;

beforeAll(async () => {
	// No render worker: a payment needs the render's record, not its video.
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
	validate = await loadOpenApiValidator(stack.baseUrl);
});
afterAll(() => stack?.close());

const post = (path: string, body: unknown) =>
	fetch(`${stack.baseUrl}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth}, body: JSON.stringify(body)});

const line = (customer: string, billNumber: string) => ({
	template: 'telco-bill',
	bill: {...sampleTelcoBill, billNumber, customer: {...sampleTelcoBill.customer, id: customer}},
	scale: 0.25,
});

const payment = {amount: 6840, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z'};

describe('batch payments with malformed entries', () => {
	it('refuse each malformed entry on its own, naming its field, and confirm the others', async () => {
		const batch = (await (await post('/v1/batches', [line('ENT-1', 'INV-E-1'), line('ENT-2', 'INV-E-2'), line('ENT-3', 'INV-E-3')])).json()) as {id: string};
		const response = await post(`/v1/batches/${batch.id}/payments`, [
			{billNumber: 'INV-E-1', ...payment, reference: 'E-1'},
			{billNumber: 'INV-E-2', ...payment, currency: 'eur', reference: 'E-2'},
			{billNumber: 'INV-E-3', ...payment, amount: 10.5, reference: 'E-3'},
			{...payment, reference: 'E-4'},
			null,
			{billNumber: 'INV-E-3', ...payment, reference: 'E-3'},
		]);
		expect(response.status).toBe(200);
		const body = (await response.json()) as {results: Array<{billNumber?: string; status: string; errors?: Array<{path: string}>}>};
		expect(validate('BatchPaymentsResult', body)).toEqual([]);
		expect(body.results.map((r) => [r.billNumber, r.status, r.errors?.map((e) => e.path)])).toEqual([
			['INV-E-1', 'confirmed', undefined],
			['INV-E-2', 'refused', ['[1].currency']],
			['INV-E-3', 'refused', ['[2].amount']],
			[undefined, 'refused', ['[3].billNumber']],
			[undefined, 'refused', ['[4]']],
			['INV-E-3', 'confirmed', undefined],
		]);
		// The refused entry recorded nothing: its bill takes a well-formed payment afterwards.
		const retried = await post(`/v1/batches/${batch.id}/payments`, [{billNumber: 'INV-E-2', ...payment, reference: 'E-2'}]);
		expect(((await retried.json()) as {results: Array<{status: string}>}).results[0]!.status).toBe('confirmed');
	});

	it('still refuse a body that is not an array of payments as a whole', async () => {
		const batch = (await (await post('/v1/batches', [line('ENT-9', 'INV-E-9')])).json()) as {id: string};
		for (const body of [{billNumber: 'INV-E-9', ...payment, reference: 'E-9'}, []]) {
			const response = await post(`/v1/batches/${batch.id}/payments`, body);
			expect(response.status).toBe(422);
			expect(response.headers.get('content-type')).toContain('application/problem+json');
		}
	});
});
