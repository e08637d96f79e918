import {describe, expect, it} from 'vitest';
import {LineTooLongError, MalformedCsvError} from '../../server/batches/batch-errors';
import type {BatchLine} from '../../server/batches/batch-ingest';
import {cappedLines} from '../../server/batches/batch-lines';
import {csvBills} from '../../server/batches/csv-bills';
import {ValidationError} from '../../server/platform/errors';
import {mappingSchema} from '../../server/batches/mapping-schema';
import {prepareRenderJob} from '../../server/renders/prepare-render-job';
import {DEV_TENANT} from '../../server/tenants/tenant-registry';

const tenant = {...DEV_TENANT, allowedPayHosts: ['pay.example']};
const brand = {name: 'Aurora Mobile', primaryColor: '#4B2BD6'};

const oneRowPerBill = mappingSchema.parse({
	delimiter: ';',
	decimalSeparator: ',',
	columns: {
		Conto: 'bill.customer.id',
		Nome: 'bill.customer.name',
		Fattura: 'bill.billNumber',
		Dal: 'bill.period.start',
		Al: 'bill.period.end',
		Emessa: 'bill.issueDate',
		Scadenza: 'bill.dueDate',
		Totale: {field: 'bill.amountDue', type: 'money'},
		Precedente: {field: 'bill.previousAmount', type: 'money'},
		Canone: {field: 'bill.lineItems[0].amount', type: 'money'},
		Traffico: {field: 'bill.lineItems[1].amount', type: 'money'},
		GB: {field: 'bill.usage.data.used', type: 'number'},
		Pagamento: 'bill.payment.payUrl',
	},
	defaults: {
		template: 'telco-bill',
		bill: {
			customer: {locale: 'it-IT', currency: 'EUR'},
			lineItems: [
				{category: 'plan', label: 'Canone'},
				{category: 'addons', label: 'Traffico'},
			],
			usage: {data: {allowance: 30}},
			payment: {status: 'due'},
			brand,
		},
	},
});

const header = 'Conto;Nome;Fattura;Dal;Al;Emessa;Scadenza;Totale;Precedente;Canone;Traffico;GB;Pagamento';
const row = (id: string, over: Partial<Record<string, string>> = {}) =>
	Object.values({
		Conto: id,
		Nome: '"Rossi; Giulia ""Giò"""',
		Fattura: `F-${id}`,
		Dal: '2026-10-01',
		Al: '2026-10-31',
		Emessa: '2026-11-03',
		Scadenza: '2026-11-21',
		Totale: '1.234,50',
		Precedente: '52,00',
		Canone: '1.200,00',
		Traffico: '34,5',
		GB: '23,4',
		Pagamento: 'https://pay.example/x',
		...over,
	}).join(';');

async function* chunks(text: string, size = 7): AsyncGenerator<Buffer> {
	const bytes = Buffer.from(text);
	for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

const read = async (text: string, mapping = oneRowPerBill): Promise<BatchLine[]> => {
	const lines: BatchLine[] = [];
	for await (const line of await csvBills({body: chunks(text), mapping, mappingName: 'm', tenant, maxRecordBytes: 1024, maxLines: 1_000})) lines.push(line);
	return lines;
};

describe('CSV bills through a mapping', () => {
	it('reads RFC 4180 quoting, a BOM, semicolons and decimal commas into a bill the API accepts', async () => {
		const [line, ...rest] = await read(`\uFEFF${header}\r\n${row('C-1')}\r\n`);
		expect(rest).toEqual([]);
		expect(line).toMatchObject({line: 2});
		if (!line || !('body' in line)) throw new Error(`not a bill: ${JSON.stringify(line)}`);
		const prepared = prepareRenderJob(tenant, line.body);
		if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
		expect(prepared.job.bill).toMatchObject({
			customer: {id: 'C-1', name: 'Rossi; Giulia "Giò"', locale: 'it-IT', currency: 'EUR'},
			amountDue: 123_450,
			previousAmount: 5_200,
			lineItems: [
				{category: 'plan', label: 'Canone', amount: 120_000},
				{category: 'addons', label: 'Traffico', amount: 3_450},
			],
			usage: {data: {used: 23.4, allowance: 30}},
			brand,
		});
	});

	it('leaves out an empty optional cell and an unused line item, with no hole in the list', async () => {
		const [line] = await read(`${header}\n${row('C-2', {Precedente: '', Canone: '', Totale: '34,50'})}\n`);
		if (!line || !('body' in line)) throw new Error('not a bill');
		const prepared = prepareRenderJob(tenant, line.body);
		if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
		expect(prepared.job.bill).not.toHaveProperty('previousAmount');
		expect(prepared.job.bill).toMatchObject({lineItems: [{category: 'addons', label: 'Traffico', amount: 3_450}]});
		const [none] = await read(`${header}\n${row('C-2', {Canone: '', Traffico: ''})}\n`);
		if (!none || !('body' in none)) throw new Error('not a bill');
		expect((none.body as {bill: {lineItems: unknown[]}}).bill.lineItems).toEqual([]);
	});

	it('names the column and line of a cell that is not a number, and of a field the bill schema refuses', async () => {
		const lines = await read(
			[header, row('C-3'), `"${'multi\nline'}"${row('C-4', {Totale: '12.50 EUR'}).slice('C-4'.length)}`, row('C-5', {Scadenza: '21/11/2026'}), ''].join('\n'),
		);
		expect(lines.map((line) => line.line)).toEqual([2, 3, 5]);
		// A cell is placed on the line its record starts on.
		expect(lines[1]).toEqual({line: 3, errors: [{path: 'bill.amountDue', column: 'Totale', line: 3, message: expect.stringContaining('1234,56')}]});
		const third = lines[2]!;
		if (!('body' in third) || !third.sourceOf) throw new Error('the third is a bill whose schema check names the cell');
		const prepared = prepareRenderJob(tenant, third.body);
		expect(prepared.ok).toBe(false);
		if (prepared.ok) return;
		expect(prepared.errors.map((error) => ({...error, ...third.sourceOf!(error.path)}))).toEqual([
			{path: 'bill.dueDate', column: 'Scadenza', line: 5, message: 'must be a date written as YYYY-MM-DD'},
		]);
	});

	it('refuses a row of the wrong width by its line, and one in KRW with decimals', async () => {
		const krw = mappingSchema.parse({...oneRowPerBill, defaults: {...oneRowPerBill.defaults, bill: {...(oneRowPerBill.defaults.bill as object), customer: {locale: 'ko-KR', currency: 'KRW'}}}});
		const lines = await read([header, 'C-6;too;short', row('C-7', {Totale: '12.000,50', Traffico: '34'})].join('\n'), krw);
		expect(lines).toEqual([
			{line: 2, errors: [{path: '', line: 2, message: 'has 3 fields, but the header has 13'}]},
			{line: 3, errors: [{path: 'bill.amountDue', column: 'Totale', line: 3, message: expect.stringContaining('KRW')}]},
		]);
	});

	it('groups adjacent rows of one bill number into one bill with a line item a row', async () => {
		const grouped = mappingSchema.parse({
			groupBy: 'invoice',
			columns: {
				invoice: 'bill.billNumber',
				account: 'bill.customer.id',
				name: 'bill.customer.name',
				total: {field: 'bill.amountDue', type: 'money'},
				category: 'bill.lineItems[].category',
				label: 'bill.lineItems[].label',
				amount: {field: 'bill.lineItems[].amount', type: 'money'},
			},
			defaults: {
				template: 'telco-bill',
				bill: {
					customer: {locale: 'en-GB', currency: 'EUR'},
					period: {start: '2026-10-01', end: '2026-10-31'},
					issueDate: '2026-11-03',
					dueDate: '2026-11-21',
					payment: {status: 'paid'},
					brand,
				},
			},
		});
		const csv = [
			'invoice,account,name,total,category,label,amount',
			'I-1,A-1,Ann,40.00,plan,Plan,35.00',
			'I-1,A-1,Ann,40.00,addons,"Extra, 10 GB",5.00',
			'I-2,A-2,Bob,10.00,plan,Plan,10.00',
			'I-2,A-2,Bob,11.00,addons,Extra,1.00',
			'I-1,A-1,Ann,40.00,plan,Plan,40.00',
			',A-9,Eve,1.00,plan,Plan,1.00',
		].join('\n');
		const [first, second, again, empty] = await read(csv, grouped);
		if (!first || !('body' in first)) throw new Error('not a bill');
		const prepared = prepareRenderJob(tenant, first.body);
		if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
		expect(prepared.job.bill).toMatchObject({
			billNumber: 'I-1',
			amountDue: 4_000,
			lineItems: [
				{category: 'plan', label: 'Plan', amount: 3_500},
				{category: 'addons', label: 'Extra, 10 GB', amount: 500},
			],
		});
		expect(second).toEqual({line: 4, errors: [{path: 'bill.amountDue', column: 'total', line: 5, message: expect.stringContaining('line 4 of the same bill')}]});
		expect(again).toEqual({line: 6, errors: [{path: '', column: 'invoice', line: 6, message: expect.stringContaining('began on line 2')}]});
		expect(empty).toMatchObject({line: 7, errors: [{column: 'invoice', message: expect.stringContaining('empty')}]});
	});

	it('refuses a header without a column the mapping names, before reading any row', async () => {
		const error = await read('Conto;Nome\nC-1;Ann\n').catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).fieldErrors.map((field) => field.path)).toContain('header.Totale');
	});

	it('stops at broken quoting and at a record over the cap, naming the line', async () => {
		await expect(read(`${header}\n${row('C-1')}\n${row('C-2', {Nome: '"open'})}\n${row('C-3')}\n`)).rejects.toBeInstanceOf(MalformedCsvError);
		const long = read(`${header}\n${row('C-1')}\n${row('C-2', {Nome: 'x'.repeat(5_000)})}\n`);
		await expect(long).rejects.toBeInstanceOf(LineTooLongError);
		await expect(long).rejects.toMatchObject({status: 413, message: expect.stringContaining('Line 3')});
	});
});

describe('a CSV body that goes wrong part-way', () => {
	/** The bills read before the body failed, and the problem it failed with. */
	const readUntilRefused = async (text: string, mapping = oneRowPerBill, chunkSize?: number) => {
		const lines: BatchLine[] = [];
		try {
			for await (const line of await csvBills({body: chunks(text, chunkSize), mapping, mappingName: 'm', tenant, maxRecordBytes: 1024, maxLines: 1_000})) lines.push(line);
		} catch (error) {
			return {lines, error};
		}
		throw new Error(`read to the end: ${JSON.stringify(lines)}`);
	};

	it('gives every bill before broken quoting, then the problem naming its line, whatever the chunks', async () => {
		for (const size of [7, 1 << 20]) {
			const {lines, error} = await readUntilRefused(`${header}\r\n${row('C-1')}\r\n${row('C-2', {Conto: '"X"Y'})}\r\n${row('C-3')}\r\n`, oneRowPerBill, size);
			expect(lines.map((line) => [line.line, 'body' in line])).toEqual([[2, true]]);
			expect(error).toBeInstanceOf(MalformedCsvError);
			expect(error).toMatchObject({status: 400, code: 'malformed_csv', message: 'Line 3: Invalid Closing Quote: got "Y". Nothing from line 3 on was read.'});
		}
	});

	it('names the line a record with a quote never closed starts on, in a CRLF file', async () => {
		const {lines, error} = await readUntilRefused(`${header}\r\n${row('C-1')}\r\n"X;Y\r\n`);
		expect(lines.map((line) => line.line)).toEqual([2]);
		expect(error).toMatchObject({code: 'malformed_csv', message: expect.stringMatching(/^Line 3: Quote Not Closed\b.*Nothing from line 3 on was read\.$/), fieldErrors: [{path: 'line 3'}]});
	});

	it('numbers the records after a quoted CRLF line break as an editor does', async () => {
		const lines = await read(`${header}\r\n${row('C-1', {Nome: '"Rossi\r\nGiulia"'})}\r\n\r\n${row('C-2', {Totale: 'x'})}\r\n`);
		// C-1 spans lines 2 and 3, line 4 is empty, C-2 is line 5.
		expect(lines.map((line) => line.line)).toEqual([2, 5]);
		expect(lines[1]).toMatchObject({errors: [{column: 'Totale', line: 5}]});
	});

	it('gives an over-long record the same way: the bills before it, then the problem', async () => {
		const {lines, error} = await readUntilRefused(`${header}\n${row('C-1')}\n${row('C-2', {Nome: 'x'.repeat(5_000)})}\n`);
		expect(lines.map((line) => line.line)).toEqual([2]);
		expect(error).toBeInstanceOf(LineTooLongError);
		expect(error).toMatchObject({message: 'Line 3 is longer than 1024 bytes; nothing from line 3 on was read.'});
	});

	it('with groupBy, holds back the bill whose rows the bad record may have continued, and says so', async () => {
		const grouped = mappingSchema.parse({
			groupBy: 'invoice',
			columns: {invoice: 'bill.billNumber', label: 'bill.lineItems[].label', amount: {field: 'bill.lineItems[].amount', type: 'money'}},
			defaults: {template: 'telco-bill', bill: {customer: {currency: 'EUR'}}},
		});
		const {lines, error} = await readUntilRefused(['invoice,label,amount', 'I-1,Plan,1.00', 'I-2,Plan,2.00', 'I-2,Extra,1.00', 'I-2,"Roaming"x,3.00', 'I-3,Plan,1.00'].join('\n'), grouped);
		expect(lines.map((line) => line.line)).toEqual([2]);
		expect(error).toBeInstanceOf(MalformedCsvError);
		expect((error as MalformedCsvError).message).toBe(
			'Line 5: Invalid Closing Quote: got "x". Nothing from line 3 on was read, as the rows of the bill starting there may go on past line 5.',
		);
	});
});

describe('a mapping', () => {
	it('is refused naming the field: an unknown type, a bad path', () => {
		const result = mappingSchema.safeParse({columns: {a: {field: 'bill.amountDue', type: 'euros'}, b: 'bill..x'}, delimiter: '|'});
		expect(result.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['columns.a', 'columns.b', 'delimiter']);
	});

	it('is refused naming the column: [] without groupBy, two columns on one field', () => {
		const result = mappingSchema.safeParse({columns: {c: 'bill.lineItems[].label', d: 'bill.billNumber', e: 'bill.billNumber'}});
		expect(result.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['columns.c', 'columns.e']);
	});
});

describe('NDJSON lines capped while read', () => {
	const collect = async (source: AsyncIterable<Buffer>, max: number) => {
		const lines: {line: number; text: string | undefined}[] = [];
		for await (const line of cappedLines(source, max, 1_000)) lines.push(line);
		return lines;
	};

	it('splits across chunks, drops CR, a BOM and blank lines (still counted), keeps the last line without a newline', async () => {
		expect(await collect(chunks('\uFEFF{"a":1}\r\n\n{"b":"é"}\n{"c":3}', 3), 100)).toEqual([
			{line: 1, text: '{"a":1}'},
			{line: 3, text: '{"b":"é"}'},
			{line: 4, text: '{"c":3}'},
		]);
	});

	it('refuses a line past the cap before it ends, having held no more than the cap', async () => {
		let read = 0;
		async function* endless(): AsyncGenerator<Buffer> {
			yield Buffer.from('{"ok":1}\n');
			for (;;) {
				read += 1024;
				yield Buffer.alloc(1024, 0x61);
			}
		}
		const error = await collect(endless(), 10 * 1024).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(LineTooLongError);
		expect((error as LineTooLongError).message).toContain('Line 2');
		expect(read).toBeLessThanOrEqual(11 * 1024);
	});
});
