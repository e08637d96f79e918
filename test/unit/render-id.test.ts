import {describe, expect, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {telcoBillSchema} from '../../src/templates/telco-bill/telco-bill-schema';
import {buildRenderId} from '../../server/renders/render-id';

describe('render ids', () => {
	it("are BullMQ job ids (no ':') whatever reference a billing system gives its customer", () => {
		for (const id of ['urn:acme:customer:42', '+44-7700-900123', '0044/7710', 'ACME#42?x=<1>']) {
			const bill = telcoBillSchema.parse({...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id}});
			const renderId = buildRenderId({tenant: 'acme', template: 'telco-bill', format: 'landscape', scale: 1, bill});
			expect(renderId).toMatch(/^acme_[A-Za-z0-9._-]+_2026-10-31_[0-9a-f]{12}$/);
		}
	});

	it('keep two customers apart whose references differ only in characters made safe', () => {
		const of = (id: string) =>
			buildRenderId({tenant: 'acme', template: 'telco-bill', format: 'landscape', scale: 1, bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id}}});
		expect(of('urn:acme:42')).not.toBe(of('urn-acme-42'));
	});

	it('refuses a reference with spaces or control characters, naming the field', () => {
		for (const id of ['CUST 1', 'CUST\t1', 'ÇUST-1']) {
			const result = telcoBillSchema.safeParse({...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id}});
			expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['customer.id', 'may contain only visible ASCII characters, without spaces']]);
		}
	});
});
