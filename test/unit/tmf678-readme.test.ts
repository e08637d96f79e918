import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {prepareRenderJob} from '../../server/renders/prepare-render-job';
import {DEV_TENANT} from '../../server/tenants/tenant-registry';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

/** The JSON bodies of the README's render examples (`curl -d '...'` bodies naming a template), in order. */
const curlBodies = [...readme.matchAll(/-d '(\{[\s\S]*?\})'$/gm)]
	.map((match) => JSON.parse(match[1]!) as Record<string, unknown>)
	.filter((body) => 'template' in body);

describe("the README's render examples", () => {
	it('are accepted as written by the dev tenant, the TMF678 one without warnings', () => {
		expect(curlBodies.map((body) => ('tmf678' in body ? 'tmf678' : 'bill'))).toEqual(['bill', 'tmf678']);
		for (const body of curlBodies) {
			const prepared = prepareRenderJob(DEV_TENANT, body);
			expect(prepared).toMatchObject({ok: true, warnings: []});
		}
		const tmf = prepareRenderJob(DEV_TENANT, curlBodies[1]);
		if (!tmf.ok) throw new Error('refused');
		expect(tmf.job.bill).toMatchObject({amountDue: 4250, payment: {status: 'due', payUrl: 'https://pay.example.com/checkout?bill=INV-7&amount=42.50'}});
	});
});
