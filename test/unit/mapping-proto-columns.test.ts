import {afterEach, describe, expect, it} from 'vitest';
import type {BatchLine} from '../../server/batches/batch-ingest';
import {csvBills} from '../../server/batches/csv-bills';
import {mappingSchema} from '../../server/batches/mapping-schema';
import {DEV_TENANT} from '../../server/tenants/tenant-registry';

/** A body as a client's JSON arrives: `__proto__` an own key, as JSON.parse makes it (an object literal would set the prototype). */
const fromJson = (text: string): unknown => JSON.parse(text);

const billsOf = async (csv: string, mapping: unknown): Promise<BatchLine[]> => {
	const lines = await csvBills({
		body: [Buffer.from(csv)] as unknown as AsyncIterable<Buffer>,
		mapping: mappingSchema.parse(mapping),
		mappingName: 'm',
		tenant: DEV_TENANT,
		maxRecordBytes: 10_000,
		maxLines: 100,
	});
	const bills: BatchLine[] = [];
	for await (const line of lines) bills.push(line);
	return bills;
};

afterEach(() => {
	delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('a CSV column named __proto__', () => {
	it('is kept by the mapping as an own key, and its cells fill the field it names', async () => {
		const mapping = fromJson('{"columns": {"__proto__": "bill.customer.id", "Name": "bill.customer.name"}, "defaults": {"template": "telco-bill"}}');
		const parsed = mappingSchema.parse(mapping);
		expect(Object.keys(parsed.columns)).toEqual(['__proto__', 'Name']);
		expect(Object.getPrototypeOf(parsed.columns)).toBe(Object.prototype);
		expect(JSON.parse(JSON.stringify(parsed)).columns).toEqual(fromJson('{"__proto__": "bill.customer.id", "Name": "bill.customer.name"}'));

		const [bill] = await billsOf('__proto__,Name\nCUS-1,Giulia Rossi\n', mapping);
		expect(bill).toMatchObject({line: 2, body: {bill: {customer: {id: 'CUS-1', name: 'Giulia Rossi'}}}});
	});

	it('is refused naming the column when its target is no field, as any column is', () => {
		const result = mappingSchema.safeParse(fromJson('{"columns": {"__proto__": "bill.nope"}}'));
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.path)).toEqual([['columns', '__proto__']]);
	});
});

describe('a cell below a field that holds anything', () => {
	it('writes a __proto__ key there as data, never into Object.prototype', async () => {
		const mapping = {
			groupBy: 'n',
			columns: {n: 'tmf678.customerBill.id', x: 'tmf678.appliedCustomerBillingRate[].characteristic[0].value.__proto__.polluted'},
		};
		const [bill] = await billsOf('n,x\n1,yes\n', mapping);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		const value = (bill as {body: {tmf678: {appliedCustomerBillingRate: {characteristic: {value: object}[]}[]}}}).body.tmf678.appliedCustomerBillingRate[0]!.characteristic[0]!.value;
		expect(JSON.stringify(value)).toBe('{"__proto__":{"polluted":"yes"}}');
	});
});
