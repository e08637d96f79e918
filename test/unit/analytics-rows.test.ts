import {describe, expect, it} from 'vitest';
import {parse} from 'csv-parse/sync';
import {analyticsTable, toCsv} from '../../server/analytics/analytics-rows';

describe('the analytics CSV export', () => {
	it('reads back one cell per scope, however the scope is spelled (RFC 4180, OWASP)', () => {
		const fields = {renders: '3', paid: '1', 'paid_amount:EUR': '1250'};
		// A tenant id may start with a hyphen, so a batch id may too; commas and quotes stand for any scope to come.
		const scopes = ['a,b', 'say "hi"', '-acme_batch_1_ab12cd34', '=HYPERLINK("http://evil.example","x")'];
		const table = analyticsTable(scopes.map((scope) => ({date: '2026-11-30', scope, fields})));
		const read = parse(toCsv(table), {columns: true}) as Record<string, string>[];
		expect(read.map((row) => row.scope)).toEqual(['a,b', 'say "hi"', "'-acme_batch_1_ab12cd34", '\'=HYPERLINK("http://evil.example","x")']);
		expect(read.map((row) => [row.date, row.renders, row.paid, row.paid_amount_EUR])).toEqual(scopes.map(() => ['2026-11-30', '3', '1', '1250']));
		expect(Object.keys(read[0]!)).toEqual(table.columns);
	});
});
