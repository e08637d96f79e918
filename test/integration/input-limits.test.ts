import {gzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {MAX_BATCH_LINES} from '../../server/batches/batches-router';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {rawRequest, type RawAnswer} from '../helpers/raw-request';
import {startTestStack, type TestStack} from '../helpers/test-stack';

const send = (url: string, options: Parameters<typeof rawRequest>[1]) => rawRequest(url, {method: 'POST', ...options});

const problemOf = (answer: RawAnswer, status: number) => {
	expect(answer.status).toBe(status);
	expect(answer.type).toMatch(/^application\/problem\+json/);
	return JSON.parse(answer.body) as {code: string; detail: string; errors?: {path: string; message: string}[]};
};

/** "Müller Jörg" as Windows-1252 writes it: ü and ö are single bytes no UTF-8 text contains alone. */
const windows1252Name = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x4a, 0xf6, 0x72, 0x67]);

describe('streamed, compressed and mis-encoded input is refused by its limit, naming it', () => {
	let stack: TestStack;
	beforeAll(async () => {
		stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
	});
	afterAll(() => stack.close());

	it('stops a gzipped NDJSON batch of empty lines at the line cap, counted after decoding, in well under a second', async () => {
		const bomb = gzipSync(Buffer.alloc(MAX_BATCH_LINES + 1, '\n'));
		expect(bomb.length).toBeLessThan(5_000);
		const started = Date.now();
		const answer = await send(`${stack.baseUrl}/v1/batches`, {
			headers: {...stack.auth, 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip'},
			body: bomb,
		});
		expect(Date.now() - started).toBeLessThan(1_000);
		const problem = problemOf(answer, 413);
		expect(problem.code).toBe('payload_too_large');
		expect(problem.detail).toContain(`the limit of ${MAX_BATCH_LINES} lines (counted after Content-Encoding is undone, blank lines included)`);
	});

	it('names the limit of the route that refused the body, not the global one', async () => {
		const huge = `[${JSON.stringify('x'.repeat(17 * 1024 * 1024))}]`;
		const batch = problemOf(await send(`${stack.baseUrl}/v1/batches`, {headers: {...stack.auth, 'content-type': 'application/json'}, body: huge}), 413);
		expect(batch.detail).toBe('The request body exceeds the limit of 16mb.');
		const render = problemOf(await send(`${stack.baseUrl}/v1/renders`, {headers: {...stack.auth, 'content-type': 'application/json'}, body: huge}), 413);
		expect(render.detail).toBe('The request body exceeds the limit of 64kb.');
	});

	it('refuses a JSON render whose bytes are not UTF-8 instead of storing U+FFFD in the name', async () => {
		const body = Buffer.from(JSON.stringify({template: 'telco-bill', bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, name: '@@'}}}));
		const at = body.indexOf('@@');
		const mixed = Buffer.concat([body.subarray(0, at), windows1252Name, body.subarray(at + 2)]);
		const problem = problemOf(await send(`${stack.baseUrl}/v1/renders`, {headers: {...stack.auth, 'content-type': 'application/json'}, body: mixed}), 400);
		expect(problem).toMatchObject({code: 'malformed_json', detail: 'The body is not UTF-8: JSON must be sent encoded as UTF-8.'});
	});

	it('refuses an NDJSON line that is not UTF-8, by its line, and reads the others', async () => {
		const line = Buffer.from(JSON.stringify({template: 'telco-bill', bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: 'UTF8-@@'}}}));
		const at = line.indexOf('@@');
		const body = Buffer.concat([line.subarray(0, at), windows1252Name, line.subarray(at + 2), Buffer.from('\n')]);
		const answer = await send(`${stack.baseUrl}/v1/batches`, {headers: {...stack.auth, 'content-type': 'application/x-ndjson'}, body});
		expect(answer.status).toBe(202);
		expect(JSON.parse(answer.body)).toMatchObject({accepted: 0, rejected: 1, failures: [{line: 1, errors: [{message: expect.stringContaining('is not UTF-8')}]}]});
	});

	it('refuses a Windows-1252 CSV naming the line, after the bills before it', async () => {
		const mapping = {columns: {id: 'bill.customer.id', name: 'bill.customer.name'}, defaults: {template: 'telco-bill', bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer}}}};
		const saved = await send(`${stack.baseUrl}/v1/mappings/latin`, {method: 'PUT', headers: {...stack.auth, 'content-type': 'application/json'}, body: JSON.stringify(mapping)});
		expect(saved.status).toBe(201);
		const csv = Buffer.concat([Buffer.from('id,name\nW-1,Ada\nW-2,'), windows1252Name, Buffer.from('\nW-3,Bob\n')]);
		const problem = problemOf(
			await send(`${stack.baseUrl}/v1/batches?mapping=latin`, {headers: {...stack.auth, 'content-type': 'text/csv'}, body: csv}),
			400,
		);
		expect(problem).toMatchObject({code: 'malformed_csv', errors: [{path: 'line 3', message: expect.stringContaining('is not UTF-8')}]});
		expect(problem.detail).toMatch(/^Line 3: is not UTF-8 text.*The 1 bill before it was read as batch/s);
	});

	it('refuses a mapping whose default the render request would refuse, as scale 1e309 read as Infinity', async () => {
		const body = '{"columns": {"id": "bill.customer.id"}, "defaults": {"template": "telco-bill", "scale": 1e309}}';
		const problem = problemOf(await send(`${stack.baseUrl}/v1/mappings/infinite`, {method: 'PUT', headers: {...stack.auth, 'content-type': 'application/json'}, body}), 422);
		expect(problem.errors).toEqual([{path: 'defaults.scale', message: expect.stringContaining('expected number')}]);
	});
});
