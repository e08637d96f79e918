import {z} from 'zod';

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

/** The answers every tenant route may give besides its own. */
export const apiErrors = {
	'401': problem('Missing or invalid API key'),
	'404': problem('Unknown id, or one that belongs to another tenant'),
	'429': problem('Over the tenant rate limit; see Retry-After'),
};

/** OpenAPI path items by path, as each feature folder exports them for `server/api/openapi.ts` to assemble. */
export type OpenApiPaths = Record<string, Record<string, unknown>>;
