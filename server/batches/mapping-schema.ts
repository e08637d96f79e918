import {z} from 'zod';
import {mappingTargetIssues} from './mapping-targets';

/**
 * A field of the render request, as a dotted path: `bill.customer.id`, `bill.lineItems[0].amount`, and, when rows are
 * grouped by bill, `bill.lineItems[].amount` for one line item per row.
 */
const fieldPath = z
	.string()
	.regex(/^[A-Za-z_]\w*(\[\d*\])?(\.[A-Za-z_]\w*(\[\d*\])?)*$/, 'must be a field path such as bill.customer.id, bill.lineItems[0].amount or bill.lineItems[].amount');

/** How a cell is read: `money` is a decimal in the bill's currency, made minor units (12,50 EUR → 1250). */
const cellTypes = ['text', 'number', 'integer', 'money'] as const;
export type CellType = (typeof cellTypes)[number];

const columnTarget = z.union([fieldPath, z.object({field: fieldPath, type: z.enum(cellTypes).default('text')})], {
	error: `must be a field path, or {field, type} with type one of ${cellTypes.join(', ')}`,
});

const COLUMNS_TEXT =
	"CSV header → field of the render request, as a path or {field, type}: a field of the bill of the defaults' template (of any template when a column names it), or template, format, scale, outputs.mp4, outputs.poster; a target the request has no field for is refused. Columns not named here are ignored";

/** The columns as a client writes them and `GET` answers them. */
const columnsShape = z.record(z.string().min(1), columnTarget);
const {$schema: _, ...columnsInputDoc} = z.toJSONSchema(columnsShape, {io: 'input', unrepresentable: 'any'});

/**
 * zod's records and objects leave out a key named `__proto__` (they build a plain object, whose `__proto__` setter would
 * replace its prototype), but a CSV header is any text: the columns are checked as a Map and made an object with
 * `Object.fromEntries`, which keeps that key as an own property. The docs are the record's.
 */
const columnsSchema = z
	.custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {error: 'must be an object of CSV header → field'})
	.transform((columns) => new Map(Object.entries(columns)))
	.pipe(z.map(z.string().min(1), columnTarget))
	.transform((columns): Record<string, z.output<typeof columnTarget>> => Object.fromEntries(columns))
	.meta(columnsInputDoc);

export const mappingNameSchema = z
	.string()
	.regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, underscores or hyphens');

const mappingFields = {
	delimiter: z.enum([',', ';']).default(',').describe('The field separator'),
	decimalSeparator: z
		.enum(['.', ','])
		.default('.')
		.describe('How numbers and amounts write their decimals; the other sign, a space or an apostrophe may group thousands'),
	groupBy: z
		.string()
		.min(1)
		.optional()
		.describe('The column holding the bill number when a bill spans several adjacent rows (one line item a row); without it, one row is one bill'),
	columns: columnsSchema
		.refine((columns) => Object.keys(columns).length > 0, 'must map at least one column')
		.describe(COLUMNS_TEXT),
	defaults: z
		.record(z.string(), z.unknown())
		.default({})
		.describe("Fields every bill shares, as a partial render request (template, format, bill.brand, bill.customer.locale…); a cell's value wins. Without bill.brand, the tenant's brand"),
};

export const mappingSchema = z
	.object(mappingFields)
	.superRefine((mapping, ctx) => {
		const seen = new Map<string, string>();
		for (const [column, target] of Object.entries(mapping.columns)) {
			const field = typeof target === 'string' ? target : target.field;
			const other = seen.get(field);
			if (other !== undefined) ctx.addIssue({code: 'custom', path: ['columns', column], message: `maps to ${field}, as column "${other}" already does`});
			seen.set(field, column);
			if (field.includes('[]') && mapping.groupBy === undefined) {
				ctx.addIssue({code: 'custom', path: ['columns', column], message: `maps to ${field}, one item per row, which needs groupBy: the column of the bill number`});
			}
			if ((field.match(/\[\]/g) ?? []).length > 1) ctx.addIssue({code: 'custom', path: ['columns', column], message: 'may hold [] once: one item per row'});
		}
		// The request schemas drop a key they do not know, so a cell mapped to one would vanish from every bill unsaid.
		for (const issue of mappingTargetIssues({columns: columnTargets(mapping), defaults: mapping.defaults})) ctx.addIssue({code: 'custom', ...issue});
	})
	.describe('How the columns of a CSV billing export make render requests');

export type Mapping = z.output<typeof mappingSchema>;

/** A mapping as `GET /v1/mappings/{name}` answers it. */
export const storedMappingSchema = z.object({
	name: z.string(),
	updatedAt: z.string(),
	...mappingFields,
	columns: columnsShape.describe(COLUMNS_TEXT),
});

/** A column's target with its type spelled out. */
export const columnTargets = (mapping: Mapping): {column: string; field: string; type: CellType}[] =>
	Object.entries(mapping.columns).map(([column, target]) =>
		typeof target === 'string' ? {column, field: target, type: 'text'} : {column, field: target.field, type: target.type},
	);
