import {describe, expect, it} from 'vitest';
import {parse} from 'csv-parse/sync';
import {csvRow} from '../../server/platform/csv-row';

describe('a CSV export row', () => {
	it('reads back as the same fields, whatever they hold (RFC 4180)', () => {
		const fields = ['a,b', 'say "hi"', 'two\nlines', 'cr\rinside', '', 'plain', 'http://127.0.0.1/w/r.1.sig'];
		expect(parse(csvRow(fields)) as string[][]).toEqual([fields]);
		expect(csvRow(['plain', 'CUST-1'])).toBe('plain,CUST-1\n');
	});

	it('prefixes a cell a spreadsheet would run as a formula with a single quote (OWASP)', () => {
		const formulas = ['=HYPERLINK("http://evil.example","x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
		expect(parse(csvRow(formulas)) as string[][]).toEqual([formulas.map((cell) => `'${cell}`)]);
		// Only the first character counts: a reference with a dash or an equals sign inside is left as it is.
		expect(csvRow(['CUST-1', 'a=b'])).toBe('CUST-1,a=b\n');
	});
});
