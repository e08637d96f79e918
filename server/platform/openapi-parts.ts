import {z} from 'zod';
import {problemSchema} from './problem';

/** A zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema object. */
export const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'output') => {
	const {$schema: _, ...rest} = z.toJSONSchema(schema, {target: 'draft-2020-12', unrepresentable: 'any', io}) as Record<string, unknown>;
	return rest;
};

export const ref = (name: string) => ({$ref: `#/components/schemas/${name}`});
export const json = (name: string) => ({'application/json': {schema: ref(name)}});
export const problem = (description: string) => ({description, content: {'application/problem+json': {schema: ref('Problem')}}});
export const idParam = (name: string) => ({name, in: 'path', required: true, schema: {type: 'string'}});
export const idempotencyKeyParam = {name: 'Idempotency-Key', in: 'header', required: false, schema: {type: 'string'}};
/** The `{format}` of a download a BI tool reads. */
export const tableFormatParam = {name: 'format', in: 'path', required: true, schema: {enum: ['csv', 'ndjson']}};
export const tableContent = {'text/csv': {}, 'application/x-ndjson': {}};
/**
 * How a stored render file may be answered besides 200: with S3 storage in redirect mode (`BILLCAST_S3_SERVE=redirect`),
 * a 302 to a presigned object URL, which answers Range itself; streamed (the local folder, or `stream`), 206 and 416.
 */
export const storedFileAnswers = {
	'206': {description: 'Part of the file, for a Range request (Content-Range says which bytes)'},
	'302': {
		description: 'With S3 storage in redirect mode: the file is at Location, a presigned URL valid for an hour that answers Range requests itself; not cached (Cache-Control: no-store)',
		headers: {Location: {schema: {type: 'string', format: 'uri'}}},
	},
	'416': {description: 'The Range starts past the end of the file; Content-Range gives its size'},
};

/** A tenant route's own object (render, batch, mapping) that is not there, or is another tenant's. */
export const notFoundError = {'404': problem('Unknown id, or one that belongs to another tenant')};

/** OpenAPI path items by path, as each feature folder exports them for `server/api/openapi.ts` to assemble. */
export type OpenApiPaths = Record<string, Record<string, unknown>>;
/** Component schemas by name, registered by the feature folder that owns them beside its paths. */
export type OpenApiSchemas = Record<string, Record<string, unknown>>;

export const platformSchemas: OpenApiSchemas = {Problem: jsonSchema(problemSchema)};

interface Operation {
	security?: unknown[];
	parameters?: Array<{in?: string}>;
	requestBody?: {content: Record<string, unknown>};
	responses: Record<string, unknown>;
}

/**
 * The answers a route gives before its handler runs, from the HTTP layer, authentication, the rate limit and the JSON
 * body parser, added to each operation from what it declares (its security, path parameters and request body) so no
 * route's entry can leave them out. An answer the route documents itself, in its own words, is kept.
 */
const edgeAnswers = (method: string, operation: Operation): Record<string, unknown> => {
	const takesJson = Object.hasOwn(operation.requestBody?.content ?? {}, 'application/json');
	const hasPathParams = (operation.parameters ?? []).some((parameter) => parameter.in === 'path');
	const unreadable = [
		...(takesJson ? ['the body is not JSON, not UTF-8, nested more than 64 levels, or not what its Content-Encoding says'] : []),
		...(hasPathParams ? ['a path parameter holds a malformed %-escape'] : []),
	];
	const secured = operation.security === undefined;
	return {
		...(unreadable.length > 0 ? {'400': problem(`The request cannot be read: ${unreadable.join('; or ')}`)} : {}),
		...(secured ? {'401': problem('Missing or invalid API key')} : {}),
		...(secured && method !== 'get' ? {'403': problem('A read-only API key: this needs a submit key')} : {}),
		...(takesJson ? {'413': problem('The body is over the limit (BILLCAST_BODY_LIMIT, 2mb by default)')} : {}),
		...(takesJson ? {'415': problem('Not JSON: another Content-Type, a charset other than UTF-8, or a Content-Encoding other than gzip, deflate or br')} : {}),
		...(secured ? {'429': problem('Over the tenant rate limit; see Retry-After')} : {}),
		'431': problem('The request headers are over 16 KB'),
	};
};

export const withEdgeAnswers = (paths: OpenApiPaths): OpenApiPaths =>
	Object.fromEntries(
		Object.entries(paths).map(([path, item]) => [
			path,
			Object.fromEntries(
				Object.entries(item).map(([method, value]) => {
					const operation = value as Operation;
					return [method, {...operation, responses: {...edgeAnswers(method, operation), ...operation.responses}}];
				}),
			),
		]),
	);
