import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {parse} from 'csv-parse/sync';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
});
afterAll(async () => {
	await stack?.close();
});

const line = (customer: string) => JSON.stringify({template: 'telco-bill', scale: 0.25, bill: {...shortBill, customer: {...shortBill.customer, id: customer}}});

describe("a batch's CSV export", () => {
	it('quotes every field a spreadsheet could misread, and keeps a formula from running', async () => {
		// Visible ASCII without spaces, as the schema allows a billing system's own reference to be.
		const references = ['=HYPERLINK("http://evil.example","x")', '+SUM(A1:A2)', '-2+3', '@cmd', 'CUST,1', 'say"hi"', 'PLAIN-1'];
		const posted = await fetch(`${stack.baseUrl}/v1/batches`, {
			method: 'POST',
			headers: {'content-type': 'application/x-ndjson', ...stack.auth},
			body: references.map(line).join('\n'),
		});
		expect(posted.status).toBe(202);
		const {id} = (await posted.json()) as {id: string};
		const exported = await fetch(`${stack.baseUrl}/v1/batches/${id}/export.csv`, {headers: stack.auth});
		expect(exported.headers.get('content-type')).toContain('text/csv');
		const rows = parse(await exported.text(), {relax_column_count: true}) as string[][];
		const [header, ...body] = rows;
		expect(header).toEqual(['customer_reference', 'render_id', 'watch_link', 'status', 'video_link', 'poster_link', 'mp4']);
		// Every row as wide as the header: a comma in a reference no longer shifts the watch link into another column.
		expect(body.map((row) => row.length)).toEqual(references.map(() => header!.length));
		expect(body.map((row) => row[0])).toEqual([
			`'=HYPERLINK("http://evil.example","x")`,
			`'+SUM(A1:A2)`,
			`'-2+3`,
			`'@cmd`,
			'CUST,1',
			'say"hi"',
			'PLAIN-1',
		]);
		for (const row of body) expect(row[2]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/w\/[^,"]+$/);

		// The NDJSON export is JSON, not a spreadsheet: the reference as the bill gave it.
		const ndjson = (await (await fetch(`${stack.baseUrl}/v1/batches/${id}/export.ndjson`, {headers: stack.auth})).text()).trim().split('\n');
		expect(ndjson.map((text) => (JSON.parse(text) as {customerReference: string}).customerReference)).toEqual(references);
	});
});
