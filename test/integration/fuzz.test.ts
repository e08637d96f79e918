import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {fuzzApi} from '../../scripts/fuzz';
import {startTestStack, type TestStack} from '../helpers/test-stack';

/** A seeded slice of `npm run fuzz`, so every test run throws a few hundred hostile requests at the API. */
describe('fuzzed requests', () => {
	let stack: TestStack;
	beforeAll(async () => {
		stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false, adminKey: 'admin-key-for-fuzzing-0123'});
	});
	afterAll(() => stack.close());

	it('never get a 5xx or go unanswered', async () => {
		const report = await fuzzApi({baseUrl: stack.baseUrl, apiKey: stack.apiKey, seed: 20261130, runs: 400, concurrency: 4});
		expect(report.failures.map((failure) => `${failure.outcome}: ${failure.request.method} ${failure.request.path.slice(0, 100)}`)).toEqual([]);
		// The slice reaches the routes: some requests succeed and most are refused as client errors.
		expect(report.counts['2xx']).toBeGreaterThan(0);
		expect(report.counts['4xx']).toBeGreaterThan(report.counts['2xx']);
		expect((await fetch(`${stack.baseUrl}/healthz`)).status).toBe(200);
	});
});
