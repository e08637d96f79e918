import {afterAll, beforeAll, expect, inject, it} from 'vitest';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack;

beforeAll(async () => {
	// No render worker: the answer is the API's, before any video.
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
});
afterAll(async () => {
	await stack?.close();
});

it('POST /v1/renders refuses readings that would say "This period: 5,000 kWh" for a reading of January 2023', async () => {
	const bill = {
		...utilityFixtures['en-GB'],
		billNumber: 'EL-READINGS-1',
		consumption: [
			{periodEnd: '2024-03-31', amount: 100},
			{periodEnd: '2023-01-31', amount: 5000},
		],
	};
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({template: 'utility-bill', bill, scale: 0.25}),
	});
	expect(response.status).toBe(422);
	expect(response.headers.get('content-type')).toContain('application/problem+json');
	const problem = (await response.json()) as {code: string; errors: Array<{path: string; message: string}>};
	expect(problem.code).toBe('validation_failed');
	expect(problem.errors.map((error) => error.path)).toEqual(['bill.consumption[1].periodEnd', 'bill.consumption[1].periodEnd', 'bill.consumption[0].periodEnd']);
	expect(problem.errors[0]!.message).toBe('must be after the reading before it (2024-03-31): readings go oldest first, one per metered period');
	expect(problem.errors[1]!.message).toBe("must be the end of this bill's period (2026-10-31): the last reading is what the video calls this period's consumption");
});
