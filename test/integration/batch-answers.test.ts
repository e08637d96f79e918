import {beforeAll, describe, expect, it} from 'vitest';
import {loadOpenApiValidator} from '../helpers/openapi-validator';
import {shortBill} from '../helpers/short-bill';
import {useApiStack} from '../helpers/api-stack';

const stack = useApiStack();
let validate: Awaited<ReturnType<typeof loadOpenApiValidator>>;
beforeAll(async () => {
	validate = await loadOpenApiValidator(stack.baseUrl);
});

const post = (path: string, contentType: string, body: string) => fetch(`${stack.baseUrl}${path}`, {method: 'POST', headers: {'content-type': contentType, ...stack.auth}, body});

const line = (customer: string, mp4: 'render' | 'on-demand') =>
	JSON.stringify({template: 'telco-bill', scale: 0.25, outputs: {mp4, poster: 'on-demand'}, bill: {...shortBill, customer: {...shortBill.customer, id: customer}}});

describe('a batch body with no bills', () => {
	it('is refused with a 422 naming the body, whether NDJSON, a JSON array or a CSV header alone, and makes no batch', async () => {
		const mapping = {columns: {Id: 'bill.customer.id'}, defaults: {template: 'telco-bill', bill: shortBill}};
		expect((await fetch(`${stack.baseUrl}/v1/mappings/empty`, {method: 'PUT', headers: {'content-type': 'application/json', ...stack.auth}, body: JSON.stringify(mapping)})).status).toBe(201);
		const batchesBefore = (await stack.redis.keys(`${stack.keyPrefix}batch:*`)).sort();
		const bodies: Array<[string, string, string]> = [
			['/v1/batches', 'application/x-ndjson', ''],
			['/v1/batches', 'application/x-ndjson', '\n\r\n  \n'],
			['/v1/batches', 'application/json', '[]'],
			['/v1/batches?mapping=empty', 'text/csv', 'Id\n'],
		];
		for (const [path, contentType, body] of bodies) {
			const response = await post(path, contentType, body);
			expect(response.status, `${contentType} ${JSON.stringify(body)}`).toBe(422);
			expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			const problem = await response.json();
			expect(problem).toMatchObject({code: 'validation_failed', errors: [{path: '', message: expect.stringMatching(/^holds no bills/)}]});
			expect(validate('Problem', problem)).toEqual([]);
		}
		// An empty CSV (no header at all) keeps its own, more precise answer.
		expect(await (await post('/v1/batches?mapping=empty', 'text/csv', '')).json()).toMatchObject({status: 422, errors: [{path: '', message: expect.stringMatching(/^is empty/)}]});
		expect((await stack.redis.keys(`${stack.keyPrefix}batch:*`)).sort()).toEqual(batchesBefore);
	});
});

describe('a batch interrupted by an over-long line', () => {
	const tooLong = `{"a":"${'a'.repeat(300 * 1024)}"}\n`;
	const interrupted = async (body: string) => {
		const response = await post('/v1/batches', 'application/x-ndjson', body);
		expect(response.status).toBe(413);
		return ((await response.json()) as {detail: string}).detail;
	};

	it('says what became of the bills before it in words true of on-demand renders, one bill or several', async () => {
		const one = await interrupted(`${line('LONG-OD-1', 'on-demand')}\n${tooLong}`);
		expect(one).toMatch(/ The 1 bill before it was read as batch \S+ \(1 accepted, 0 refused\); send the fixed body again\.$/);
		const batchUrl = /read as batch (\S+) /.exec(one)![1]!;
		expect(await (await fetch(batchUrl, {headers: stack.auth})).json()).toMatchObject({status: 'interrupted', accepted: 1, renders: {'on-demand': 1, queued: 0}});

		const three = await interrupted(`${line('LONG-OD-2', 'on-demand')}\n${line('LONG-Q-1', 'render')}\n{"bill":1}\n${tooLong}`);
		expect(three).toMatch(/ The 3 bills before it were read as batch \S+ \(2 accepted, 1 refused\); send the fixed body again\.$/);
	});
});

describe('an NDJSON line nested too deeply', () => {
	// A JSON body that deep is refused before it is parsed; an NDJSON line was parsed and accepted at any depth.
	it('is refused on its own line, as a JSON body that deep is, and the other lines are taken', async () => {
		const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
		const response = await post('/v1/batches', 'application/x-ndjson', [line('DEEP-OK', 'on-demand'), deep(100), deep(120_000)].join('\n'));
		expect(response.status).toBe(202);
		const tooDeep = {path: '', message: expect.stringContaining('more than 64 levels deep')};
		expect(await response.json()).toMatchObject({accepted: 1, rejected: 2, failures: [{line: 2, errors: [tooDeep]}, {line: 3, errors: [tooDeep]}]});
	});
});
