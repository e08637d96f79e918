import {describe, expect, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {useApiStack} from '../helpers/api-stack';

const stack = useApiStack();

const post = (path: string, body: unknown) =>
	fetch(`${stack.baseUrl}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth}, body: JSON.stringify(body)});

/** The problem's field errors as `path: message`, after checking it is a 422 problem. */
const refusal = async (response: Response): Promise<string[]> => {
	expect(response.status).toBe(422);
	expect(response.headers.get('content-type')).toContain('application/problem+json');
	const problem = (await response.json()) as {code: string; errors: Array<{path: string; message: string}>};
	expect(problem.code).toBe('validation_failed');
	return problem.errors.map((error) => `${error.path}: ${error.message}`);
};

const render = (bill: unknown, extra: Record<string, unknown> = {}) => post('/v1/renders', {template: 'telco-bill', bill, scale: 0.25, ...extra});

describe('POST /v1/renders refuses what it would otherwise get wrong', () => {
	it('a mistyped key, rather than render a landscape video with no comparison and no PDF button', async () => {
		const bill = {...sampleTelcoBill, previousAmmount: 3900, billPdfURL: 'https://acme.example/bill.pdf'};
		expect(await refusal(await render(bill, {fromat: 'portrait', outptus: {mp4: 'render'}}))).toEqual([
			'bill.previousAmmount: unrecognized key: did you mean previousAmount?',
			'bill.billPdfURL: unrecognized key: did you mean billPdfUrl?',
			'fromat: unrecognized key: did you mean format?',
			'outptus: unrecognized key: did you mean outputs?',
		]);
	});

	it('a name that shows nothing, rather than greet a bare "Hi"', async () => {
		for (const name of ['\u200b', '\u00ad', '\u2800', '\u3164']) {
			const bill = {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, name}};
			expect(await refusal(await render(bill))).toEqual(['bill.customer.name: must contain a visible character']);
		}
	});

	it('an amount beyond the largest it can show exactly', async () => {
		expect(await refusal(await render({...sampleTelcoBill, previousAmount: 9007199254740991}))).toEqual([
			'bill.previousAmount: must be between -1,000,000,000,000 and 1,000,000,000,000 minor units',
		]);
	});

	it('a missing date as required, and a malformed one only as malformed', async () => {
		const {issueDate: _, ...withoutIssueDate} = sampleTelcoBill;
		expect(await refusal(await render({...withoutIssueDate, period: {start: '2026-04-01', end: '2026-04-31'}}))).toEqual([
			'bill.period.end: must be a date written as YYYY-MM-DD',
			'bill.issueDate: is required',
		]);
	});
});

describe('POST /v1/renders/:id/payment', () => {
	it('refuses a payment dated before the bill it settles', async () => {
		const accepted = await render({...sampleTelcoBill, billNumber: 'INV-REFUSALS-1'});
		expect(accepted.status).toBe(202);
		const {id} = (await accepted.json()) as {id: string};
		const payment = {amount: sampleTelcoBill.amountDue, currency: 'EUR', reference: 'PSP-OLD'};
		expect(await refusal(await post(`/v1/renders/${id}/payment`, {...payment, paidAt: '1970-01-01T00:00:00Z'}))).toEqual([
			`paidAt: must not be before the billing period starts (${sampleTelcoBill.period.start}): a payment cannot be older than the bill it settles`,
		]);
		const settled = await post(`/v1/renders/${id}/payment`, {...payment, paidAt: `${sampleTelcoBill.dueDate}T09:30:00Z`});
		expect(settled.status).toBe(201);
	});
});
