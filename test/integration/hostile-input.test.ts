import {gzipSync} from 'node:zlib';
import express from 'express';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {requireAdminKey} from '../../server/platform/admin-endpoints';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {rawRequest, type RawAnswer} from '../helpers/raw-request';
import {startTestStack, type TestStack} from '../helpers/test-stack';

const expectProblem = (answer: RawAnswer, status: number) => {
	expect(answer.status).toBe(status);
	expect(answer.type).toMatch(/^application\/problem\+json/);
	const problem = JSON.parse(answer.body) as {status: number; code: string; detail: string};
	expect(problem.status).toBe(status);
	expect(answer.body).not.toMatch(/\n\s+at /);
	return problem;
};

describe('hostile input gets a 4xx problem, never a 500', () => {
	let stack: TestStack;
	beforeAll(async () => {
		stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false, adminKey: 'admin-key-for-tests-0123'});
	});
	afterAll(() => stack.close());

	it('refuses a malformed %-escape in any route parameter, with or without authentication', async () => {
		for (const path of ['/v1/renders/%E0%A4%A', '/v1/renders/%ZZ/video.mp4', '/v1/batches/%C0%AF', '/v1/batches/%/export.csv', '/w/%E0%A4%A', '/v1/watch/%ff%fe']) {
			expectProblem(await rawRequest(`${stack.baseUrl}${path}`, {headers: stack.auth}), 400);
			const anonymous = await rawRequest(`${stack.baseUrl}${path}`);
			expect([400, 401]).toContain(anonymous.status);
			expectProblem(anonymous, anonymous.status);
		}
	});

	it('refuses a gzip body that is not gzip, and an encoding it does not know, as batches do; still takes a real one', async () => {
		const headers = {...stack.auth, 'content-type': 'application/json', 'content-encoding': 'gzip'};
		const problem = expectProblem(await rawRequest(`${stack.baseUrl}/v1/renders`, {method: 'POST', headers, body: '{"template": "telco-bill"}'}), 400);
		expect(problem.code).toBe('bad_content_encoding');
		expect(problem.detail).toMatch(/^The body could not be decoded as gzip: /);
		const zstd = {...headers, 'content-encoding': 'zstd'};
		const unknown = expectProblem(await rawRequest(`${stack.baseUrl}/v1/renders`, {method: 'POST', headers: zstd, body: '{}'}), 415);
		expect(unknown).toMatchObject({code: 'unsupported_content_encoding', detail: 'Content-Encoding "zstd" is not supported: send gzip, deflate, br or none.'});
		const genuine = await rawRequest(`${stack.baseUrl}/v1/renders`, {method: 'POST', headers, body: gzipSync(JSON.stringify({template: 'telco-bill', bill: {}}))});
		expectProblem(genuine, 422);
	});

	it('refuses JSON nested 10,000 deep before hashing it for the Idempotency-Key, on renders and batches', async () => {
		const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
		for (const [path, body] of [
			['/v1/renders', `{"template": "telco-bill", "bill": ${deep}}`],
			['/v1/batches', `[${deep}]`],
		] as const) {
			const headers = {...stack.auth, 'content-type': 'application/json', 'idempotency-key': `deep-${path}`};
			expect(expectProblem(await rawRequest(`${stack.baseUrl}${path}`, {method: 'POST', headers, body}), 400).code).toBe('json_too_deep');
		}
		// Brackets inside strings are text, not nesting.
		const headers = {...stack.auth, 'content-type': 'application/json', 'idempotency-key': 'brackets-in-a-string'};
		const bill = {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, name: `Ada ${'['.repeat(200)}`}};
		const answer = await rawRequest(`${stack.baseUrl}/v1/renders`, {method: 'POST', headers, body: JSON.stringify({template: 'telco-bill', bill})});
		expect(answer.status).not.toBe(400);
		expect(answer.status).toBeLessThan(500);
	});

	it('answers a 20 KB Authorization header with a 431 problem', async () => {
		const problem = expectProblem(await rawRequest(`${stack.baseUrl}/v1/renders/x`, {headers: {authorization: `Bearer ${'a'.repeat(20_000)}`}}), 431);
		expect(problem.code).toBe('headers_too_large');
	});

	it('answers wrong JSON types, unknown content types and bad charsets as 4xx problems', async () => {
		for (const [type, body] of [
			['application/json', 'null'],
			['application/json', '"a string"'],
			['application/json', '{"template": '],
			['application/json; charset=klingon', '{}'],
			['text/html', '<b>'],
		] as const) {
			const answer = await rawRequest(`${stack.baseUrl}/v1/renders`, {method: 'POST', headers: {...stack.auth, 'content-type': type}, body});
			expect(answer.status, `${type} ${body}`).toBeGreaterThanOrEqual(400);
			expectProblem(answer, answer.status);
			expect(answer.status).toBeLessThan(500);
		}
	});

	it('answers the metrics 401 as a plain problem, also where no problem handler is mounted (the worker)', async () => {
		expectProblem(await rawRequest(`${stack.baseUrl}/metrics`), 401);
		const bare = express().get('/metrics', requireAdminKey('admin-key-for-tests-0123'), (_req, res) => void res.send('metrics'));
		const server = await new Promise<ReturnType<typeof bare.listen>>((resolve) => {
			const listening = bare.listen(0, '127.0.0.1', () => resolve(listening));
		});
		try {
			const address = server.address();
			if (typeof address !== 'object' || !address) throw new Error('no address');
			expectProblem(await rawRequest(`http://127.0.0.1:${address.port}/metrics`, {headers: {authorization: 'Bearer wrong'}}), 401);
		} finally {
			server.close();
		}
	});
});
