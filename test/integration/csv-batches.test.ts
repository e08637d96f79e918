import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {request as httpRequest} from 'node:http';
import {Readable} from 'node:stream';
import {gzipSync} from 'node:zlib';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {loadOpenApiValidator} from '../helpers/openapi-validator';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
/** Every answer below is also checked against the API's own OpenAPI document. */
let validate: (name: string, body: unknown) => string[];
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
	validate = await loadOpenApiValidator(stack.baseUrl);
});
afterAll(async () => {
	await stack?.close();
});

const send = (method: string, path: string, body: string | Buffer | undefined, headers: Record<string, string> = {}) =>
	fetch(`${stack.baseUrl}${path}`, {method, headers: {...stack.auth, ...headers}, body: typeof body === 'object' ? new Blob([new Uint8Array(body)]) : body});

const putMapping = (name: string, mapping: unknown) => send('PUT', `/v1/mappings/${name}`, JSON.stringify(mapping), {'content-type': 'application/json'});

/** A body of any size streamed in chunks, as a telco's export job would send it; the answer may come before it ends. */
const stream = (path: string, headers: Record<string, string>, chunks: AsyncIterable<Buffer> | Iterable<Buffer>) =>
	new Promise<{status: number; contentType: string; body: string}>((resolve, reject) => {
		const url = new URL(path, stack.baseUrl);
		const req = httpRequest(url, {method: 'POST', headers: {...stack.auth, ...headers}}, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (text: string) => (body += text));
			res.on('end', () => resolve({status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body}));
		});
		// The server may close the connection while the body is still being written: only its answer matters.
		req.on('error', (error) => (req.writableEnded ? reject(error) : undefined));
		Readable.from(chunks).on('error', reject).pipe(req);
	});

const telcoMapping = {
	delimiter: ';',
	decimalSeparator: ',',
	columns: {
		Conto: 'bill.customer.id',
		Nome: 'bill.customer.name',
		Fattura: 'bill.billNumber',
		Emessa: 'bill.issueDate',
		Scadenza: 'bill.dueDate',
		Totale: {field: 'bill.amountDue', type: 'money'},
		Stato: 'bill.payment.status',
	},
	defaults: {
		template: 'telco-bill',
		scale: 0.25,
		bill: {
			customer: {locale: 'it-IT', currency: 'EUR'},
			period: {start: '2026-10-01', end: '2026-10-31'},
			lineItems: [],
			payment: {payUrl: 'https://pay.aurora-mobile.example/checkout'},
			brand: {name: 'Aurora Mobile', primaryColor: '#4B2BD6'},
		},
	},
};

const header = 'Conto;Nome;Fattura;Emessa;Scadenza;Totale;Stato';
const row = (n: number) => `CYC-${n};"Rossi; Giulia";F-${n};2026-11-03;2026-11-21;1.234,50;due`;

describe('column mappings', () => {
	it('are saved per tenant, read back, replaced, and refused naming the field', async () => {
		expect(validate('Mapping', telcoMapping)).toEqual([]);
		const created = await putMapping('cycle', telcoMapping);
		expect(created.status).toBe(201);
		expect(validate('StoredMapping', await created.json())).toEqual([]);
		const read = await send('GET', '/v1/mappings/cycle', undefined);
		expect(read.status).toBe(200);
		const stored = await read.json();
		expect(stored).toMatchObject({name: 'cycle', ...telcoMapping, columns: {...telcoMapping.columns, Conto: 'bill.customer.id'}});
		expect(validate('StoredMapping', stored)).toEqual([]);
		expect((await putMapping('cycle', telcoMapping)).status).toBe(200);
		expect((await send('GET', '/v1/mappings/cycle', undefined, stack.otherAuth)).status).toBe(404);

		const bad = await putMapping('broken', {decimalSeparator: ';', columns: {Totale: {field: 'bill.amountDue', type: 'euros'}}});
		expect(bad.status).toBe(422);
		expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		const problem = await bad.json();
		expect(validate('Problem', problem)).toEqual([]);
		expect((problem as {errors: {path: string}[]}).errors.map((error) => error.path).sort()).toEqual(['columns.Totale', 'decimalSeparator']);
		expect((await send('GET', '/v1/mappings/broken', undefined)).status).toBe(404);
		const badName = await putMapping('no%20spaces', telcoMapping);
		expect(badName.status).toBe(422);
		expect(((await badName.json()) as {errors: {path: string}[]}).errors[0]!.path).toBe('name');
	});
});

describe('column mappings as JSON', () => {
	it('refuse a body that is not JSON with a 415 problem, as every JSON route does', async () => {
		const response = await send('PUT', '/v1/mappings/plain', JSON.stringify(telcoMapping), {'content-type': 'text/plain'});
		expect(response.status).toBe(415);
		expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		expect(validate('Problem', await response.json())).toEqual([]);
		expect((await send('GET', '/v1/mappings/plain', undefined)).status).toBe(404);
	});

	it('keep a column named __proto__, and read its cells', async () => {
		// Written out: JSON.stringify of an object literal would have set the prototype, not sent the key.
		const columns = `{"__proto__": "bill.customer.id", ${JSON.stringify(telcoMapping.columns).slice(1).replace('"Conto":"bill.customer.id",', '')}`;
		const body = `{"delimiter": ";", "decimalSeparator": ",", "defaults": ${JSON.stringify(telcoMapping.defaults)}, "columns": ${columns}}`;
		const saved = await send('PUT', '/v1/mappings/proto', body, {'content-type': 'application/json'});
		expect(saved.status).toBe(201);
		const stored = await (await send('GET', '/v1/mappings/proto', undefined)).text();
		expect(Object.keys((JSON.parse(stored) as {columns: object}).columns)).toContain('__proto__');
		// A bill of its own: the same request as a cycle's row would be that render, not a new one.
		const csv = `${header.replace('Conto', '__proto__')}\n${row(424_242)}\n`;
		const jobs = () => stack.queue.queue.getJobCountByTypes('prioritized', 'waiting');
		const jobsBefore = await jobs();
		const batch = await send('POST', '/v1/batches?mapping=proto', csv, {'content-type': 'text/csv', 'idempotency-key': `proto-${stack.tenantId}`});
		expect(batch.status).toBe(202);
		expect(await batch.json()).toMatchObject({lines: 1, accepted: 1, rejected: 0});
		// Its render is queued (polled: the next test counts the queue's jobs, and must find this one there already).
		await expect.poll(jobs).toBe(jobsBefore + 1);
	});
});

describe('column mappings name fields of the bill', () => {
	it('refuse a column mapped to no field of the render request, naming the column and the fields there are', async () => {
		const nope = await putMapping('unknown-field', {columns: {A: 'bill.nope'}});
		expect(nope.status).toBe(422);
		expect(nope.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		const problem = (await nope.json()) as {code: string; errors: {path: string; message: string}[]};
		expect(validate('Problem', problem)).toEqual([]);
		expect(problem).toMatchObject({code: 'validation_failed', errors: [{path: 'columns.A', message: expect.stringContaining('bill.nope is not a field of')}]});
		expect(problem.errors[0]!.message).toMatch(/bill has customer, billNumber, period, issueDate, dueDate, amountDue, /);
		expect((await send('GET', '/v1/mappings/unknown-field', undefined)).status).toBe(404);

		// The cells of such columns were dropped from every bill, unsaid: the mapping is now refused when it is saved.
		const extra = await putMapping('extra-cells', {...telcoMapping, columns: {...telcoMapping.columns, Extra: 'bill.nope', Fmt: 'formt'}});
		expect(extra.status).toBe(422);
		expect(((await extra.json()) as {errors: {path: string; message: string}[]}).errors).toEqual([
			{path: 'columns.Extra', message: expect.stringContaining('bill.nope is not a field of a telco-bill render request: bill has customer,')},
			{path: 'columns.Fmt', message: 'formt is not a field of a telco-bill render request: its fields are format, scale, outputs, template or bill'},
		]);
		expect((await send('GET', '/v1/mappings/extra-cells', undefined)).status).toBe(404);
	});
});

describe('CSV billing cycles', () => {
	it('queue the 9,995 good rows of a 10,000-row export and name the 5 bad ones by line and column', async () => {
		await putMapping('cycle', telcoMapping);
		const bad = new Map([
			[18, `CYC-17;"Rossi; Giulia";F-17;2026-11-03;2026-11-21;12.50 EUR;due`],
			[1_001, `CYC-1000;"Rossi; Giulia";F-1000;2026-11-03;21/11/2026;1.234,50;due`],
			[5_000, `CYC-4999;"Rossi; Giulia";F-4999;2026-11-03;2026-11-21;1.234,50;someday`],
			[7_777, `CYC-7776;"Rossi; Giulia"`],
			[10_001, `CYC 10000;"Rossi; Giulia";F-10000;2026-11-03;2026-11-21;1.234,50;due`],
		]);
		// Line 1 is the header; rows are lines 2 to 10,001.
		const lines = [header, ...Array.from({length: 10_000}, (_, i) => bad.get(i + 2) ?? row(i + 1))];
		const body = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
		const jobsBefore = await stack.queue.queue.getJobCountByTypes('prioritized', 'waiting');
		const response = await send('POST', '/v1/batches?mapping=cycle', body, {'content-type': 'text/csv; charset=utf-8', 'idempotency-key': `csv-${stack.tenantId}`});
		expect(response.status).toBe(202);
		const batch = (await response.json()) as {id: string; lines: number; accepted: number; rejected: number; failures: {line: number; errors: {path: string; column?: string}[]}[]};
		expect(batch).toMatchObject({lines: 10_000, accepted: 9_995, rejected: 5});
		expect(batch.failures.map((failure) => [failure.line, failure.errors.map((error) => error.column ?? error.path)])).toEqual([
			[18, ['Totale']],
			[1_001, ['Scadenza']],
			[5_000, ['Stato']],
			[7_777, ['']],
			[10_001, ['Conto']],
		]);
		expect(batch.failures[3]!.errors[0]).toMatchObject({message: 'has 2 fields, but the header has 7'});
		expect(validate('BatchAccepted', batch)).toEqual([]);
		expect(await stack.queue.queue.getJobCountByTypes('prioritized', 'waiting')).toBe(jobsBefore + 9_995);
		expect(await stack.redis.llen(`${stack.keyPrefix}batch:${batch.id}:renders`)).toBe(9_995);
		expect(await stack.redis.llen(`${stack.keyPrefix}batch:${batch.id}:failures`)).toBe(5);
		const render = await stack.store.get((await stack.redis.lindex(`${stack.keyPrefix}batch:${batch.id}:renders`, 0))!.split('\t')[1]!);
		expect(render).toMatchObject({status: 'queued'});

		// A CSV row makes exactly the render request its NDJSON line would: the same render, not queued twice.
		const {lineItems, ...billDefaults} = telcoMapping.defaults.bill;
		const asJson = {
			template: 'telco-bill',
			scale: 0.25,
			bill: {
				...billDefaults,
				lineItems,
				customer: {id: 'CYC-1', name: 'Rossi; Giulia', locale: 'it-IT', currency: 'EUR'},
				billNumber: 'F-1',
				issueDate: '2026-11-03',
				dueDate: '2026-11-21',
				amountDue: 123_450,
				payment: {status: 'due', payUrl: 'https://pay.aurora-mobile.example/checkout'},
			},
		};
		const ndjson = (await (await send('POST', '/v1/batches', `${JSON.stringify(asJson)}\n`, {'content-type': 'application/x-ndjson'})).json()) as {id: string; accepted: number};
		expect(ndjson.accepted).toBe(1);
		expect(await stack.redis.lindex(`${stack.keyPrefix}batch:${ndjson.id}:renders`, 0)).toBe(await stack.redis.lindex(`${stack.keyPrefix}batch:${batch.id}:renders`, 0));
		expect(await stack.queue.queue.getJobCountByTypes('prioritized', 'waiting')).toBe(jobsBefore + 9_995);

		// The same export again: the same answer under the same key, and, under none, a new batch that queues nothing twice.
		const replay = await send('POST', '/v1/batches?mapping=cycle', body, {'content-type': 'text/csv', 'idempotency-key': `csv-${stack.tenantId}`});
		expect(await replay.json()).toEqual(batch);
		const again = (await (await send('POST', '/v1/batches?mapping=cycle', body, {'content-type': 'text/csv'})).json()) as {id: string; accepted: number};
		expect(again.id).not.toBe(batch.id);
		expect(again.accepted).toBe(9_995);
		expect(await stack.queue.queue.getJobCountByTypes('prioritized', 'waiting')).toBe(jobsBefore + 9_995);
	});

	it('group the rows of a bill number into line items, from a gzipped body', async () => {
		expect(
			(
				await putMapping('items', {
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
					defaults: {...telcoMapping.defaults, bill: {...telcoMapping.defaults.bill, issueDate: '2026-11-03', dueDate: '2026-11-21', payment: sampleTelcoBill.payment}},
				})
			).status,
		).toBe(201);
		const csv = ['invoice,account,name,total,category,label,amount', 'I-1,GRP-1,Ann,40.00,plan,Plan,35.00', 'I-1,GRP-1,Ann,40.00,addons,"Extra, 10 GB",5.00', 'I-2,GRP-2,Bob,10.00,plan,Plan,9.00'].join('\n');
		const response = await send('POST', '/v1/batches?mapping=items', gzipSync(csv), {'content-type': 'text/csv', 'content-encoding': 'gzip'});
		const batch = (await response.json()) as {id: string; accepted: number; failures: {line: number; errors: {column?: string; message: string}[]}[]};
		expect(batch).toMatchObject({accepted: 1, failures: [{line: 4, errors: [{column: 'total', message: expect.stringContaining('sum of lineItems (900')}]}]});
		const renderId = (await stack.redis.lindex(`${stack.keyPrefix}batch:${batch.id}:renders`, 0))!.split('\t')[1]!;
		const props = (await stack.store.getProps(renderId)) as {bill: {lineItems: unknown[]}} | undefined;
		expect(props?.bill.lineItems).toEqual([
			{category: 'plan', label: 'Plan', amount: 3_500},
			{category: 'addons', label: 'Extra, 10 GB', amount: 500},
		]);
	});

	it('are refused whole, before a batch is made, without a mapping or with a header that lacks its columns', async () => {
		const post = async (query: string, csv: string) => {
			const response = await send('POST', `/v1/batches${query}`, csv, {'content-type': 'text/csv'});
			expect(response.status).toBe(422);
			expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			return ((await response.json()) as {errors: {path: string}[]}).errors.map((error) => error.path);
		};
		const batchesBefore = await stack.redis.keys(`${stack.keyPrefix}batch:*`);
		expect(await post('', `${header}\n${row(1)}`)).toEqual(['mapping']);
		expect(await post('?mapping=nope', `${header}\n${row(1)}`)).toEqual(['mapping']);
		expect(await post('?mapping=cycle', `Conto;Nome\nX;Y`)).toEqual(['header.Fattura', 'header.Emessa', 'header.Scadenza', 'header.Totale', 'header.Stato']);
		expect(await stack.redis.keys(`${stack.keyPrefix}batch:*`)).toEqual(batchesBefore);
	});
});

describe('CSV bodies with broken quoting', () => {
	const bill = (id: string) => `${id};"Rossi; Giulia";F-${id};2026-11-03;2026-11-21;1.234,50;due`;
	const postCsv = (csv: string) => send('POST', '/v1/batches?mapping=cycle', csv, {'content-type': 'text/csv'});
	const jobs = () => stack.queue.queue.getJobCountByTypes('prioritized', 'waiting');

	it('accept the bills before the bad line as an interrupted batch the problem names, and the fixed body queues none twice', async () => {
		await putMapping('cycle', telcoMapping);
		const jobsBefore = await jobs();
		const response = await postCsv([header, bill('QUO-1'), `"X"Y;"Rossi; Giulia";F-X;2026-11-03;2026-11-21;1.234,50;due`, bill('QUO-3'), ''].join('\r\n'));
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		const problem = (await response.json()) as {code: string; detail: string};
		expect(validate('Problem', problem)).toEqual([]);
		expect(problem).toMatchObject({code: 'malformed_csv', errors: [{path: 'line 3'}]});
		const batchUrl = /^Line 3: Invalid Closing Quote: got "Y"\. Nothing from line 3 on was read\. The 1 bill before it was read as batch (\S+) \(1 accepted, 0 refused\); send the fixed body again\.$/.exec(problem.detail)?.[1];
		expect(batchUrl, problem.detail).toBeDefined();
		const batch = await (await fetch(batchUrl!, {headers: stack.auth})).json();
		expect(batch).toMatchObject({status: 'interrupted', lines: 1, accepted: 1, rejected: 0, reason: {code: 'malformed_csv'}, renders: {queued: 1}});
		expect(validate('Batch', batch)).toEqual([]);
		expect(await jobs()).toBe(jobsBefore + 1);

		// The export names it: the CSV in snake_case, the NDJSON with the same fields in camelCase, as the rest of the JSON API.
		const csv = (await (await fetch(`${batchUrl}/export.csv`, {headers: stack.auth})).text()).trim().split('\n');
		expect(csv[0]).toBe('customer_reference,render_id,watch_link,status,video_link,poster_link,mp4');
		const [row, ...more] = (await (await fetch(`${batchUrl}/export.ndjson`, {headers: stack.auth})).text()).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
		expect(more).toEqual([]);
		expect(Object.keys(row!)).toEqual(csv[0]!.split(',').map((column) => column.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase())));
		expect(row).toMatchObject({customerReference: 'QUO-1', status: 'queued', mp4: 'rendering'});
		expect(csv[1]!.split(',')).toEqual(Object.values(row!).map(String));

		const fixed = await postCsv([header, bill('QUO-1'), bill('QUO-2'), bill('QUO-3'), ''].join('\r\n'));
		expect(fixed.status).toBe(202);
		expect(await fixed.json()).toMatchObject({status: 'accepted', lines: 3, accepted: 3, rejected: 0});
		expect(await jobs()).toBe(jobsBefore + 3);
	});

	it('name the line a quote never closed starts on, and refuse a body bad from its first bill whole', async () => {
		const unclosed = await postCsv([header, bill('QUO-4'), '"X;Y', ''].join('\r\n'));
		expect(unclosed.status).toBe(400);
		const problem = (await unclosed.json()) as {detail: string};
		expect(problem).toMatchObject({code: 'malformed_csv', errors: [{path: 'line 3'}]});
		expect(problem.detail).toMatch(/^Line 3: Quote Not Closed: .*Nothing from line 3 on was read\. The 1 bill before it was read as batch \S+ \(1 accepted, 0 refused\)/);

		const batchesBefore = await stack.redis.keys(`${stack.keyPrefix}batch:*`);
		const jobsBefore = await jobs();
		const first = await postCsv([header, `"X"Y;"Rossi; Giulia";F-X;2026-11-03;2026-11-21;1.234,50;due`, bill('QUO-5'), ''].join('\r\n'));
		expect(first.status).toBe(400);
		expect(((await first.json()) as {detail: string}).detail).toBe('Line 2: Invalid Closing Quote: got "Y". Nothing from line 2 on was read.');
		expect(await stack.redis.keys(`${stack.keyPrefix}batch:*`)).toEqual(batchesBefore);
		expect(await jobs()).toBe(jobsBefore);
	});
});

describe('streamed batch bodies are capped while read', () => {
	const megabytes = function* (first: string, count: number, fill: number) {
		yield Buffer.from(first);
		for (let i = 0; i < count; i++) yield Buffer.alloc(1024 * 1024, fill);
	};

	it('answer an NDJSON line of several MiB without a newline with a 413 naming it, and keep answering', async () => {
		const good = `${JSON.stringify({template: 'telco-bill', scale: 0.25, bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: 'CAP-1'}}})}\n`;
		const response = await stream('/v1/batches', {'content-type': 'application/x-ndjson'}, megabytes(`${good}{"a":"`, 8, 0x61));
		expect(response.status).toBe(413);
		expect(response.contentType).toMatch(/^application\/problem\+json/);
		const problem = JSON.parse(response.body) as {detail: string};
		expect(problem).toMatchObject({code: 'line_too_long', errors: [{path: 'line 2'}]});
		expect(validate('Problem', problem)).toEqual([]);
		expect((await fetch(`${stack.baseUrl}/healthz`)).status).toBe(200);

		// The line before it was read, queued and is answered for by the batch the problem names.
		const batchUrl = /read as batch (\S+) \(1 accepted, 0 refused\)/.exec(problem.detail)?.[1];
		expect(batchUrl).toBeDefined();
		const batch = await (await fetch(batchUrl!, {headers: stack.auth})).json();
		expect(batch).toMatchObject({status: 'interrupted', lines: 1, accepted: 1, rejected: 0, reason: {code: 'line_too_long'}, renders: {queued: 1}});
		expect(validate('Batch', batch)).toEqual([]);

		// Wrong from its first line: refused whole, and no empty batch is left behind.
		const batchesBefore = await stack.redis.keys(`${stack.keyPrefix}batch:*`);
		const first = await stream('/v1/batches', {'content-type': 'application/x-ndjson'}, megabytes('{"a":"', 4, 0x61));
		expect(first.status).toBe(413);
		expect(JSON.parse(first.body)).toMatchObject({code: 'line_too_long', errors: [{path: 'line 1'}]});
		expect(await stack.redis.keys(`${stack.keyPrefix}batch:*`)).toEqual(batchesBefore);
	});

	it('answer a CSV record of several MiB with a 413 naming its line', async () => {
		const response = await stream('/v1/batches?mapping=cycle', {'content-type': 'text/csv'}, megabytes(`${header}\n${row(1)}\n"`, 8, 0x62));
		expect(response.status).toBe(413);
		expect(JSON.parse(response.body)).toMatchObject({code: 'line_too_long', detail: expect.stringContaining('Line 3')});
		expect((await fetch(`${stack.baseUrl}/healthz`)).status).toBe(200);
	});

	it('refuse a body that is not what its Content-Encoding says with a 4xx problem', async () => {
		for (const type of ['application/x-ndjson', 'application/json', 'text/csv']) {
			const response = await send('POST', '/v1/batches?mapping=cycle', 'this is not gzip', {'content-type': type, 'content-encoding': 'gzip'});
			expect(response.status).toBe(400);
			expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			const problem = (await response.json()) as {code: string};
			expect(problem.code).toBe('bad_content_encoding');
			expect(validate('Problem', problem)).toEqual([]);
		}
		const unknown = await send('POST', '/v1/batches', '{}', {'content-type': 'application/x-ndjson', 'content-encoding': 'compress'});
		expect(unknown.status).toBe(415);
	});
});
