import {beforeAll, describe, expect, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {loadOpenApiValidator} from '../helpers/openapi-validator';
import {useApiStack} from '../helpers/api-stack';

const stack = useApiStack();
let validate: Awaited<ReturnType<typeof loadOpenApiValidator>>;
beforeAll(async () => {
	validate = await loadOpenApiValidator(stack.baseUrl);
});

const line = (customer: string, billNumber: string, format = 'landscape') =>
	JSON.stringify({
		template: 'telco-bill',
		format,
		scale: 0.25,
		outputs: {mp4: 'on-demand', poster: 'on-demand'},
		bill: {...sampleTelcoBill, billNumber, customer: {...sampleTelcoBill.customer, id: customer}},
	});

const postBatch = async (lines: string[]) => {
	const response = await fetch(`${stack.baseUrl}/v1/batches`, {method: 'POST', headers: {'content-type': 'application/x-ndjson', ...stack.auth}, body: lines.join('\n')});
	expect(response.status).toBe(202);
	const body = (await response.json()) as {id: string; lines: number; accepted: number; rejected: number; warnings?: Array<{line: number; warnings: Array<{path: string; message: string}>}>};
	expect(validate('BatchAccepted', body)).toEqual([]);
	return body;
};

const get = async (path: string) => (await fetch(`${stack.baseUrl}${path}`, {headers: stack.auth})).text();

describe('a batch that holds the same bill twice', () => {
	it('accepts, lists, exports and counts the render once, and says which line the repeat repeats', async () => {
		const twice = line('REP-1', 'INV-REP-1');
		const batch = await postBatch([twice, line('REP-2', 'INV-REP-2'), twice]);
		expect(batch).toMatchObject({lines: 3, accepted: 2, rejected: 0, warnings: [{line: 3, warnings: [{path: '', message: expect.stringMatching(/^repeats line 1: /)}]}]});
		const view = JSON.parse(await get(`/v1/batches/${batch.id}`)) as {accepted: number; renders: Record<string, number>; progress: number};
		expect(view).toMatchObject({accepted: 2, renders: {'on-demand': 2}, progress: 1});
		const rows = (await get(`/v1/batches/${batch.id}/export.ndjson`)).trim().split('\n').map((text) => JSON.parse(text) as {customerReference: string});
		expect(rows.map((row) => row.customerReference)).toEqual(['REP-1', 'REP-2']);
		expect((await get(`/v1/batches/${batch.id}/export.csv`)).trim().split('\n')).toHaveLength(3);
		// The batch's own numbers agree with its analytics.
		expect(JSON.parse(await get(`/v1/batches/${batch.id}/analytics`))).toMatchObject({counts: {renders: 2, exported: 2}});
	});

	it('takes the same bill in two formats as one bill: no warning, and a payment by its number settles it', async () => {
		const batch = await postBatch([line('FMT-1', 'INV-FMT-1', 'landscape'), line('FMT-1', 'INV-FMT-1', 'portrait')]);
		expect(batch).toMatchObject({lines: 2, accepted: 2});
		expect(batch.warnings).toBeUndefined();
		const paid = await fetch(`${stack.baseUrl}/v1/batches/${batch.id}/payments`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify([{billNumber: 'INV-FMT-1', amount: 6840, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z', reference: 'PSP-FMT-1'}]),
		});
		expect(((await paid.json()) as {results: unknown[]}).results).toEqual([expect.objectContaining({billNumber: 'INV-FMT-1', status: 'confirmed'})]);
	});
});

describe('a bill number several bills of a batch share', () => {
	it('is warned of as the batch is accepted, and a payment by it is answered as ambiguous, naming the renders', async () => {
		const batch = await postBatch([line('SAME-1', 'INV-SAME'), line('SAME-2', 'INV-SAME'), line('OTHER-1', 'INV-OTHER'), line('SAME-3', 'INV-SAME')]);
		expect(batch).toMatchObject({lines: 4, accepted: 4, rejected: 0});
		const reused = {path: 'bill.billNumber', message: expect.stringMatching(/^is also the bill number of another bill, on line 1: /)};
		expect(batch.warnings).toEqual([
			{line: 2, warnings: [reused]},
			{line: 4, warnings: [reused]},
		]);
		const renders = (await get(`/v1/batches/${batch.id}/export.ndjson`))
			.trim()
			.split('\n')
			.map((text) => JSON.parse(text) as {customerReference: string; renderId: string})
			.filter((row) => row.customerReference.startsWith('SAME-'))
			.map((row) => row.renderId);
		expect(renders).toHaveLength(3);

		const paid = await fetch(`${stack.baseUrl}/v1/batches/${batch.id}/payments`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify([{billNumber: 'INV-SAME', amount: 6840, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z', reference: 'PSP-SAME-1'}]),
		});
		expect(paid.status).toBe(200);
		const answer = (await paid.json()) as {results: Array<{status: string; renders?: string[]; detail?: string}>};
		expect(validate('BatchPaymentsResult', answer)).toEqual([]);
		expect(answer.results).toEqual([{billNumber: 'INV-SAME', status: 'ambiguous', renders, detail: expect.stringContaining(renders.join(', '))}]);
		// None of them was settled by the guess.
		for (const id of renders) expect(JSON.parse(await get(`/v1/renders/${id}`))).not.toHaveProperty('payment');
	});
});
