import {describe, expect, it} from 'vitest';
import {urlUnder} from '../../server/platform/urls';

describe('urlUnder', () => {
	it('appends segments to the base, with or without a trailing slash', () => {
		expect(urlUnder('http://localhost:3000', 'v1', 'renders', 'r_1')).toBe('http://localhost:3000/v1/renders/r_1');
		expect(urlUnder('https://example.com/', 'w', 'tok')).toBe('https://example.com/w/tok');
	});

	it('keeps the path of a base under a prefix', () => {
		expect(urlUnder('https://example.com/billcast', 'v1', 'batches', 'b1', 'export.csv')).toBe('https://example.com/billcast/v1/batches/b1/export.csv');
	});

	it('encodes each segment, so an id cannot add a path segment, a query or a fragment', () => {
		expect(urlUnder('https://example.com', 'v1', 'renders', 'a/b?c=1#d é')).toBe('https://example.com/v1/renders/a%2Fb%3Fc%3D1%23d%20%C3%A9');
	});
});
