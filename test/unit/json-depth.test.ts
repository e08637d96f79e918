import {describe, expect, it} from 'vitest';
import {JsonTooDeepError} from '../../server/platform/errors';
import {parseJsonWithinDepth} from '../../server/platform/json-depth';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('JSON read without body-parser (an NDJSON line)', () => {
	it('is refused past 64 levels, as a body is, however deep it goes', () => {
		for (const depth of [65, 100, 120_000]) {
			expect(() => parseJsonWithinDepth(`{"bill": ${nested(depth - 1)}}`), `${depth} levels`).toThrow(JsonTooDeepError);
		}
		expect(() => parseJsonWithinDepth(nested(65))).toThrow('The JSON nests objects or arrays more than 64 levels deep.');
	});

	it('is parsed up to 64 levels, and brackets inside strings are text', () => {
		const deepest = `{"bill": ${nested(63)}}`;
		expect(parseJsonWithinDepth(deepest)).toEqual(JSON.parse(deepest));
		expect(parseJsonWithinDepth(JSON.stringify({name: '['.repeat(200)}))).toEqual({name: '['.repeat(200)});
		expect(parseJsonWithinDepth('null')).toBeNull();
	});
});
