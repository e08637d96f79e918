import {describe, expect, it} from 'vitest';
import {mappingSchema} from '../../server/batches/mapping-schema';
import {fieldErrorsFromZod} from '../../server/platform/zod-field-errors';
import {templateIds} from '../../src/templates/registry';
import {allTemplateBills} from '../helpers/template-fixtures';
import {utilityBillSchema} from '../../src/templates/utility-bill/utility-bill-schema';

const telcoDefaults = {
	template: 'telco-bill',
	bill: {
		customer: {locale: 'it-IT', currency: 'EUR'},
		lineItems: [{category: 'plan', label: 'Canone'}],
		usage: {data: {allowance: null}},
		payment: {status: 'due'},
	},
};

/** The field errors a PUT of the mapping answers, as the API writes them. */
const refusals = (mapping: unknown) => {
	const parsed = mappingSchema.safeParse(mapping);
	return parsed.success ? [] : fieldErrorsFromZod(parsed.error);
};

describe('a mapping names fields of the render request its bills make', () => {
	it('refuses a column mapped to a field the bill does not have, naming the column and the fields there are', () => {
		expect(refusals({columns: {A: 'bill.nope'}})).toEqual([{path: 'columns.A', message: expect.stringMatching(/^bill\.nope is not a field of .*: bill has customer, billNumber, /)}]);
		const errors = refusals({columns: {Account: 'bill.customer.id', Extra: 'bill.nope', Fmt: 'formt'}, defaults: telcoDefaults});
		expect(errors).toEqual([
			{path: 'columns.Extra', message: expect.stringContaining('bill.nope is not a field of a telco-bill render request: bill has customer, billNumber,')},
			{path: 'columns.Fmt', message: 'formt is not a field of a telco-bill render request: its fields are format, scale, outputs, template or bill'},
		]);
	});

	it('lists the fields of the template the defaults name, read from its schema', () => {
		const [error] = refusals({columns: {A: 'bill.nope'}, defaults: {template: 'utility-bill'}});
		const keys = Object.keys(utilityBillSchema.shape);
		expect(keys.length).toBeGreaterThan(5);
		for (const key of keys) expect(error!.message).toContain(key);
		expect(error!.message).not.toContain('lineItems');
	});

	it('refuses a list without an item, an item of what is no list, and a field that holds fields', () => {
		expect(refusals({columns: {A: 'bill.lineItems.amount', B: 'bill.customer[0]', C: 'bill.customer', D: 'bill.previousByCategory.nope'}, defaults: telcoDefaults})).toEqual([
			{path: 'columns.A', message: 'bill.lineItems.amount names no item of the list bill.lineItems: name one, as in bill.lineItems[0].amount'},
			{path: 'columns.B', message: 'bill.customer[0] treats bill.customer as a list, which it is not in a telco-bill render request'},
			{path: 'columns.C', message: 'bill.customer holds fields, not a value: map the column to one of bill.customer.id, bill.customer.name, bill.customer.locale or bill.customer.currency'},
			{path: 'columns.D', message: expect.stringContaining('bill.previousByCategory has plan, addons, roaming')},
		]);
	});

	it('takes every value of the request: nested, in a list, per row, a record key, the request options', () => {
		expect(
			refusals({
				groupBy: 'Invoice',
				columns: {
					Invoice: 'bill.billNumber',
					Used: {field: 'bill.usage.data.used', type: 'number'},
					Item: 'bill.lineItems[].label',
					Plan: {field: 'bill.previousByCategory.plan', type: 'money'},
					Paid: {field: 'bill.paymentHistory[0].amount', type: 'money'},
					Format: 'format',
					Scale: {field: 'scale', type: 'number'},
					Mp4: 'outputs.mp4',
				},
				defaults: telcoDefaults,
			}),
		).toEqual([]);
	});

	it('takes every field of every fixture bill as a default', () => {
		for (const {name, input} of allTemplateBills) {
			expect(refusals({columns: {Id: 'bill.customer.id'}, defaults: {template: input.template, format: 'portrait', bill: input.bill}}), name).toEqual([]);
		}
	});

	it('checks the defaults key by key, and their template', () => {
		const defaults = {...telcoDefaults, bill: {...telcoDefaults.bill, previousAmmount: 3, lineItems: [{category: 'plan', labl: 'x'}]}};
		expect(refusals({columns: {A: 'bill.customer.id'}, defaults}).map((error) => error.path)).toEqual(['defaults.bill.lineItems[0].labl', 'defaults.bill.previousAmmount']);
		expect(refusals({columns: {A: 'bill.customer.id'}, defaults: {template: 'telco'}})).toEqual([
			// Read from the registry, so a new template changes the message and not this test.
			{path: 'defaults.template', message: `must be one of ${templateIds.slice(0, -1).join(', ')} or ${templateIds.at(-1)}`},
		]);
	});

	it('reads a TMF678 mapping against the TMF678 form', () => {
		expect(refusals({columns: {No: 'tmf678.customerBill.billNo', Lang: 'locale'}, defaults: {template: 'telco-bill'}})).toEqual([]);
		expect(refusals({columns: {No: 'tmf678.customerBill.billNo', Name: 'bill.customer.name'}})).toEqual([
			{path: 'columns.Name', message: expect.stringContaining('bill.customer.name is not a field of a TMF678 render request')},
		]);
	});
});
