import {describe, expect, it} from 'vitest';
import {mappingSchema} from '../../server/batches/mapping-schema';

const issuesOf = (defaults: Record<string, unknown>) => {
	const result = mappingSchema.safeParse({columns: {id: 'bill.customer.id'}, defaults: {template: 'telco-bill', ...defaults}});
	return result.success ? [] : result.error.issues.map((issue) => ({path: issue.path.join('.'), message: issue.message}));
};

describe('a mapping’s defaults', () => {
	it('are refused, naming defaults.<path>, when the render request would refuse the value', () => {
		for (const [defaults, path] of [
			[{scale: 5}, 'defaults.scale'],
			// JSON.parse reads 1e309 as Infinity, which would be stored as null.
			[{scale: Number.POSITIVE_INFINITY}, 'defaults.scale'],
			[{format: 'weird'}, 'defaults.format'],
			[{bill: {amountDue: 'abc'}}, 'defaults.bill.amountDue'],
			[{outputs: {mp4: 'never'}}, 'defaults.outputs.mp4'],
			[{bill: {customer: 'Ada'}}, 'defaults.bill.customer'],
		] as const) {
			expect(issuesOf(defaults), JSON.stringify(defaults)).toEqual([{path, message: expect.any(String)}]);
		}
	});

	it('keep values the render request takes, and partial objects whose other fields come from the cells', () => {
		expect(
			issuesOf({
				scale: 0.25,
				format: 'portrait',
				outputs: {mp4: 'on-demand'},
				bill: {customer: {locale: 'it-IT', currency: 'EUR'}, lineItems: [], brand: {name: 'Aurora', primaryColor: '#4B2BD6'}},
			}),
		).toEqual([]);
	});
});
