import {describe, expect, it} from 'vitest';
import {tmf678V4Sample} from '../../src/fixtures/tmf678-v4-sample';
import {MAX_MINOR_UNITS} from '../../src/money';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {jsonSchema} from '../../server/platform/openapi-parts';
import {prepareRenderJob} from '../../server/renders/prepare-render-job';
import {billRenderRequestSchema, renderRequestSchema} from '../../server/renders/render-request-schema';
import {DEV_TENANT} from '../../server/tenants/tenant-registry';

const errorsOf = (body: unknown) => {
	const prepared = prepareRenderJob(DEV_TENANT, body);
	return prepared.ok ? [] : prepared.errors.map((error) => `${error.path}: ${error.message}`);
};

describe('a render request with a key billcast does not know', () => {
	it('is refused, naming each key at its own path and the field it was likely meant to be', () => {
		const body = {
			template: 'telco-bill',
			fromat: 'portrait',
			outptus: {mp4: 'on-demand'},
			bill: {...sampleTelcoBill, previousAmmount: 3900, billPdfURL: 'https://acme.example/bill.pdf', customer: {...sampleTelcoBill.customer, langauge: 'it'}},
		};
		expect(errorsOf(body)).toEqual([
			'bill.customer.langauge: unrecognized key',
			'bill.previousAmmount: unrecognized key: did you mean previousAmount?',
			'bill.billPdfURL: unrecognized key: did you mean billPdfUrl?',
			'fromat: unrecognized key: did you mean format?',
			'outptus: unrecognized key: did you mean outputs?',
		]);
		const lineItems = sampleTelcoBill.lineItems.map((item, index) => (index === 2 ? {...item, amout: item.amount} : item));
		expect(errorsOf({template: 'telco-bill', bill: {...sampleTelcoBill, lineItems}})).toContain('bill.lineItems[2].amout: unrecognized key: did you mean amount?');
		expect(errorsOf({template: 'telco-bill', bill: sampleTelcoBill, outputs: {mp4: 'render', gif: 'render'}})).toEqual(['outputs.gif: unrecognized key']);
		// A body that is no object has no keys to name.
		expect(errorsOf(null)).toHaveLength(1);
		expect(errorsOf({template: 'fax-bill', bill: sampleTelcoBill, fromat: 'portrait'})).toHaveLength(1);
	});

	it('in a TMF678 request only at its top and in its brand: the TMF678 bill keeps what it carries', () => {
		const tmf678 = {...tmf678V4Sample, '@type': 'CustomerBillBundle', customerBill: {...tmf678V4Sample.customerBill, financialAccount: {id: 'FA-1'}}};
		const accepted = prepareRenderJob(DEV_TENANT, {template: 'telco-bill', tmf678});
		expect(accepted.ok).toBe(true);
		const brand = {name: 'Acme', primaryColor: '#112233', primaryColour: '#112233'};
		expect(errorsOf({template: 'telco-bill', tmf678, lcoale: 'it-IT', brand})).toEqual([
			'brand.primaryColour: unrecognized key: did you mean primaryColor?',
			'lcoale: unrecognized key: did you mean locale?',
		]);
	});
});

describe('amounts in a render request', () => {
	it('are published with the maximum the schema checks', () => {
		const amounts: unknown[] = [];
		// The money of each template's bill; a utility bill's consumption `amount` is kWh or m³, not money.
		const money = ['amountDue', 'previousAmount', 'amountPaid', 'amountOverdue', 'fee', 'minimumAmount', 'energy', 'network', 'taxes', 'amount'];
		JSON.stringify(jsonSchema(billRenderRequestSchema, 'input'), (key, value: {type?: string}) => {
			if (money.includes(key) && value.type !== 'number') amounts.push(value);
			return value;
		});
		expect(amounts.length).toBeGreaterThan(5);
		for (const amount of amounts) expect(amount).toMatchObject({type: 'integer', maximum: MAX_MINOR_UNITS});
		expect(JSON.stringify(jsonSchema(renderRequestSchema, 'input'))).toContain('"additionalProperties":false');
	});

	it('from TMF678 are refused beyond the maximum rather than rounded', () => {
		const amountDue = {...tmf678V4Sample.customerBill.amountDue, value: 80000000000000.01};
		const errors = errorsOf({template: 'telco-bill', tmf678: {...tmf678V4Sample, customerBill: {...tmf678V4Sample.customerBill, amountDue}}});
		expect(errors).toContain('tmf678.customerBill.amountDue.value: must be between -10000000000.00 and 10000000000.00 EUR');
	});
});
