import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {rawRequest} from '../helpers/raw-request';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
});
afterAll(async () => {
	await stack?.close();
});

const problemOf = async (path: string, {method = 'POST', headers = {}, body}: {method?: string; headers?: Record<string, string>; body?: string} = {}) => {
	const answer = await rawRequest(`${stack.baseUrl}${path}`, {method, headers: {...stack.auth, ...headers}, body});
	expect(answer.type).toMatch(/^application\/problem\+json/);
	return {status: answer.status, ...(JSON.parse(answer.body) as {code: string; detail: string; errors?: Array<{path: string; message: string}>})};
};

const renderOf = async (billNumber: string) => {
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {...stack.auth, 'content-type': 'application/json'},
		body: JSON.stringify({template: 'telco-bill', scale: 0.25, bill: {...sampleTelcoBill, billNumber}}),
	});
	expect(response.status).toBe(202);
	return ((await response.json()) as {id: string}).id;
};

describe('a JSON route sent no body, a bare null, or another charset', () => {
	it('says the body is empty, whether Content-Length is missing or 0', async () => {
		const id = await renderOf('EMPTY-BODY');
		for (const [method, path] of [
			['POST', '/v1/renders'],
			['POST', `/v1/renders/${id}/payment`],
			['PUT', '/v1/mappings/empty-body'],
		] as const) {
			for (const length of [{}, {'content-length': '0'}] as Array<Record<string, string>>) {
				const problem = await problemOf(path, {method, headers: {'content-type': 'application/json', ...length}});
				expect(problem, `${method} ${path} ${JSON.stringify(length)}`).toMatchObject({
					status: 422,
					code: 'validation_failed',
					detail: '(body): is empty: send the request as JSON',
					errors: [{path: '', message: 'is empty: send the request as JSON'}],
				});
			}
		}
	});

	it('answers null as the wrong type of body, not as JSON that does not parse', async () => {
		const id = await renderOf('NULL-BODY');
		const batch = await fetch(`${stack.baseUrl}/v1/batches`, {
			method: 'POST',
			headers: {...stack.auth, 'content-type': 'application/json'},
			body: JSON.stringify([{template: 'telco-bill', scale: 0.25, bill: {...sampleTelcoBill, billNumber: 'NULL-BATCH'}}]),
		});
		const batchId = ((await batch.json()) as {id: string}).id;
		for (const [method, path, expected] of [
			['POST', '/v1/renders', 'object'],
			['POST', `/v1/renders/${id}/payment`, 'object'],
			['PUT', '/v1/mappings/null-body', 'object'],
			['POST', `/v1/batches/${batchId}/payments`, 'array'],
		] as const) {
			const problem = await problemOf(path, {method, headers: {'content-type': 'application/json'}, body: 'null'});
			expect(problem, `${method} ${path}`).toMatchObject({status: 422, code: 'validation_failed', errors: [{path: '', message: `Invalid input: expected ${expected}, received null`}]});
		}
	});

	it('names a charset other than UTF-8 and asks for UTF-8', async () => {
		const problem = await problemOf('/v1/renders', {headers: {'content-type': 'application/json; charset=latin1'}, body: '{}'});
		expect(problem).toMatchObject({status: 415, code: 'unsupported_media_type', detail: 'charset latin1 is not supported; send UTF-8.'});
	});
});

describe("a failed render's video", () => {
	it('answers that the render failed and why, and the bill sent again renders it again', async () => {
		const id = await renderOf('FAILED-VIDEO');
		await stack.store.markFailed(id, {code: 'render_failed', message: 'The brand logo (brand.logoUrl) could not be loaded.'});
		const problem = await problemOf(`/v1/renders/${id}/video.mp4`, {method: 'GET'});
		expect(problem).toMatchObject({
			status: 409,
			code: 'render_failed',
			detail: `Render ${id} failed: The brand logo (brand.logoUrl) could not be loaded; send the bill again to retry.`,
		});
		// What the detail promises holds.
		expect(await renderOf('FAILED-VIDEO')).toBe(id);
		expect((await problemOf(`/v1/renders/${id}/video.mp4`, {method: 'GET'})).code).toBe('render_not_ready');
	});
});
