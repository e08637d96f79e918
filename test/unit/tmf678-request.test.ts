import {describe, expect, it} from 'vitest';
import {tmf678V4Sample} from '../../src/fixtures/tmf678-v4-sample';
import {prepareRenderJob} from '../../server/renders/prepare-render-job';
import {DEV_TENANT} from '../../server/tenants/tenant-registry';

describe('a TMF678 render request', () => {
	it('reads a null field as one left out, as Java billing systems write them, and still names a required one', () => {
		const sample = structuredClone(tmf678V4Sample);
		const withNulls = {
			...sample,
			customerBill: {...sample.customerBill, state: null, taxIncludedAmount: null, billDocument: [{...sample.customerBill.billDocument![0], name: null}]},
			appliedCustomerBillingRate: sample.appliedCustomerBillingRate.map((rate) => ({...rate, description: null, product: null})),
		};
		const plain = prepareRenderJob(DEV_TENANT, {template: 'telco-bill', tmf678: sample});
		const nulled = prepareRenderJob(DEV_TENANT, {template: 'telco-bill', tmf678: withNulls});
		expect(plain.ok && nulled.ok).toBe(true);
		expect(nulled.ok && nulled.job.bill).toEqual(plain.ok && plain.job.bill);
		const noNumber = prepareRenderJob(DEV_TENANT, {template: 'telco-bill', tmf678: {...sample, customerBill: {...sample.customerBill, billNo: null}}});
		expect(noNumber).toMatchObject({ok: false, errors: [{path: 'tmf678.customerBill.billNo', message: 'is required: the bill number the customer sees'}]});
	});
});
