import {z} from 'zod';
import {billRenderRequestSchema, tmf678RenderRequestSchema} from '../renders/render-request-schema';
import {pathOf, tokensOf, type Token} from './field-path';

/**
 * Which fields of a render request a mapping may fill, read from the schemas the API checks every request with (a bill
 * form per registered template, and the TMF678 form), so a template's new field is a target the day it is added. The
 * schemas refuse a key they do not know, so a column mapped to one would fail every row: a mapping naming one is
 * refused instead, when it is saved.
 */

/** The bill form of each registered template, as the API checks it. */
const billForms: readonly {template: string; schema: z.ZodType}[] = billRenderRequestSchema.options.map((schema) => ({template: schema.shape.template.value, schema}));
const templateNames: readonly string[] = billForms.map(({template}) => template);

/** The schema inside the ones that only say when a value may be left out or how it is filled in. */
const unwrapped = (schema: z.ZodType): z.ZodType => {
	if (
		schema instanceof z.ZodOptional ||
		schema instanceof z.ZodNullable ||
		schema instanceof z.ZodDefault ||
		schema instanceof z.ZodPrefault ||
		schema instanceof z.ZodNonOptional ||
		schema instanceof z.ZodReadonly ||
		schema instanceof z.ZodCatch ||
		schema instanceof z.ZodLazy
	) {
		return unwrapped(schema.unwrap() as z.ZodType);
	}
	// A transform's input is what a client writes; a preprocess (a transform first) checks its output.
	if (schema instanceof z.ZodPipe) return unwrapped((schema.in instanceof z.ZodTransform ? schema.out : schema.in) as z.ZodType);
	return schema;
};

/** Every option of a union, each unwrapped: a field is there when it is in any of them. */
const alternatives = (schema: z.ZodType): z.ZodType[] => {
	const inner = unwrapped(schema);
	if (inner instanceof z.ZodUnion) return (inner.options as z.ZodType[]).flatMap(alternatives);
	if (inner instanceof z.ZodIntersection) return [...alternatives(inner.def.left as z.ZodType), ...alternatives(inner.def.right as z.ZodType)];
	return [inner];
};

/** Holds anything: whatever is written below it is kept as written. */
const isOpen = (schema: z.ZodType): boolean => schema instanceof z.ZodUnknown || schema instanceof z.ZodAny;

/** The schemas a key or list index leads to. */
const childrenOf = (schema: z.ZodType, token: Token): z.ZodType[] =>
	alternatives(schema).flatMap((option): z.ZodType[] => {
		if (isOpen(option)) return [option];
		if (typeof token === 'number') return option instanceof z.ZodArray ? [option.element as z.ZodType] : [];
		if (option instanceof z.ZodObject) return Object.hasOwn(option.shape, token) ? [option.shape[token] as z.ZodType] : [];
		if (option instanceof z.ZodRecord) return z.safeParse(option.keyType, token).success ? [option.valueType as z.ZodType] : [];
		return [];
	});

/** The keys (or `[0]` for a list) a client may write next, inside any of `schemas`. */
const keysOf = (schemas: readonly z.ZodType[]): string[] => {
	const keys = new Set<string>();
	for (const option of schemas.flatMap(alternatives)) {
		if (option instanceof z.ZodObject) for (const key of Object.keys(option.shape)) keys.add(key);
		if (option instanceof z.ZodRecord && option.keyType instanceof z.ZodEnum) for (const key of option.keyType.options) keys.add(String(key));
		if (option instanceof z.ZodArray) keys.add('[0]');
	}
	return [...keys];
};

/** `keys` written after `path`, as a client would name the fields. */
const pathsUnder = (path: string, keys: readonly string[]): string[] => keys.map((key) => (key.startsWith('[') ? `${path}${key}` : `${path}.${key}`));

const isValue = (schema: z.ZodType): boolean =>
	alternatives(schema).some((option) => isOpen(option) || !(option instanceof z.ZodObject || option instanceof z.ZodRecord || option instanceof z.ZodArray));

const listed = (names: readonly string[]): string => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`);

/** The request forms a mapping's bills may take, and what to call them in a message. */
interface Forms {
	readonly schemas: readonly z.ZodType[];
	readonly name: string;
}

/** Why the field at `tokens` is no field of the request, or the schemas it leads to when it is one. */
const problemAt = (tokens: readonly Token[], forms: Forms): {problem: string} | {schemas: z.ZodType[]} => {
	let schemas = [...forms.schemas];
	const field = pathOf(tokens);
	for (const [position, token] of tokens.entries()) {
		const next = schemas.flatMap((schema) => childrenOf(schema, token));
		if (next.length > 0) {
			schemas = next;
			continue;
		}
		const parent = pathOf(tokens.slice(0, position));
		const isList = schemas.flatMap(alternatives).some((option) => option instanceof z.ZodArray);
		if (typeof token === 'string' && isList) {
			return {problem: `${field} names no item of the list ${parent}: name one, as in ${pathOf([...tokens.slice(0, position), 0, ...tokens.slice(position)])}`};
		}
		if (typeof token === 'number') return {problem: `${field} treats ${parent} as a list, which it is not in ${forms.name}`};
		return {problem: `${field} is not a field of ${forms.name}: ${parent ? `${parent} has` : 'its fields are'} ${listed(keysOf(schemas))}`};
	}
	return {schemas};
};

/** Why a column's target is not a value of the request, or undefined when it is one. */
const columnProblem = (field: string, forms: Forms): string | undefined => {
	const found = problemAt(tokensOf(field), forms);
	if ('problem' in found) return found.problem;
	if (!found.schemas.some(isValue)) return `${field} holds fields, not a value: map the column to one of ${listed(pathsUnder(field, keysOf(found.schemas)))}`;
	return undefined;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why `value` fits none of `schemas`, the fields it may be, or undefined when it fits one. */
const valueProblem = (value: unknown, schemas: readonly z.ZodType[]): string | undefined => {
	const results = schemas.map((schema) => schema.safeParse(value));
	if (results.some((result) => result.success)) return undefined;
	return results[0]!.error!.issues[0]!.message;
};

/**
 * The keys of `defaults`, at any depth, that are no field of the request, and the values that field would refuse: a
 * default is in every bill, so a bad one would fail every row of every batch read through the mapping.
 */
const defaultsProblems = (value: unknown, tokens: readonly Token[], forms: Forms): TargetIssue[] => {
	const entries: [Token, unknown][] = Array.isArray(value) ? [...value.entries()] : isPlainObject(value) ? Object.entries(value) : [];
	return entries.flatMap(([key, inner]) => {
		const at = [...tokens, key];
		const found = problemAt(at, forms);
		if ('problem' in found) return [{path: ['defaults', ...at], message: found.problem}];
		// Below a field that holds anything (a TMF678 characteristic's value), whatever is written is kept.
		if (found.schemas.some((schema) => isOpen(unwrapped(schema)))) return [];
		if (Array.isArray(inner) || isPlainObject(inner)) return defaultsProblems(inner, at, forms);
		const problem = valueProblem(inner, found.schemas);
		return problem ? [{path: ['defaults', ...at], message: problem}] : [];
	});
};

/** The forms a mapping's bills may take: the TMF678 form when it fills `tmf678`, else its template's bill form (any, when a column names the template). */
const formsFor = (fields: readonly string[], defaults: Readonly<Record<string, unknown>>): Forms => {
	if ('tmf678' in defaults || fields.some((field) => tokensOf(field)[0] === 'tmf678')) return {schemas: [tmf678RenderRequestSchema], name: 'a TMF678 render request'};
	const form = fields.includes('template') ? undefined : billForms.find(({template}) => template === defaults.template);
	if (form) return {schemas: [form.schema], name: `a ${form.template} render request`};
	return {schemas: billForms.map(({schema}) => schema), name: `the render request of any template (${listed(templateNames)})`};
};

export interface TargetIssue {
	readonly path: (string | number)[];
	readonly message: string;
}

/**
 * What in a mapping names no field of the render request its bills make: a column's target, a key of its defaults,
 * a default template that is no template. Each message says which fields there are where it went wrong.
 */
export const mappingTargetIssues = ({columns, defaults}: {columns: readonly {column: string; field: string}[]; defaults: Readonly<Record<string, unknown>>}): TargetIssue[] => {
	if ('template' in defaults && !templateNames.includes(defaults.template as string)) {
		return [{path: ['defaults', 'template'], message: `must be one of ${listed(templateNames)}`}];
	}
	const forms = formsFor(
		columns.map(({field}) => field),
		defaults,
	);
	return [
		...columns.flatMap(({column, field}) => {
			const problem = columnProblem(field, forms);
			return problem ? [{path: ['columns', column], message: problem}] : [];
		}),
		...defaultsProblems(defaults, [], forms),
	];
};
