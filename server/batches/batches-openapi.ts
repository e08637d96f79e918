import {
	idempotencyKeyParam,
	idParam,
	json,
	jsonSchema,
	notFoundError,
	problem,
	ref,
	tableContent,
	tableFormatParam,
	type OpenApiPaths,
	type OpenApiSchemas,
} from '../platform/openapi-parts';
import {batchAcceptedSchema, batchStatusSchema} from './batch-view-schema';
import {mappingSchema, storedMappingSchema} from './mapping-schema';
import {MAX_BATCH_BYTES_TEXT, MAX_BATCH_LINES, MAX_JSON_BATCH, MAX_LINE_BYTES} from './batches-router';

export const batchesSchemas: OpenApiSchemas = {
	BatchAccepted: jsonSchema(batchAcceptedSchema),
	Mapping: jsonSchema(mappingSchema, 'input'),
	StoredMapping: jsonSchema(storedMappingSchema),
	Batch: jsonSchema(batchStatusSchema),
};

export const batchesPaths: OpenApiPaths = {
	'/v1/batches': {
		post: {
			summary: `A billing cycle: a JSON array (at most ${MAX_JSON_BATCH}), or streamed NDJSON or CSV of render requests`,
			description:
				`NDJSON lines and CSV records are capped at ${MAX_LINE_BYTES} bytes while they are read, and a streamed batch at ` +
				`${MAX_BATCH_LINES} lines (blank ones too) and ${MAX_BATCH_BYTES_TEXT} once decoded. The body may be sent with ` +
				'Content-Encoding gzip, deflate or br. A CSV body (UTF-8, with or without BOM, RFC 4180 quoting) is read through ' +
				'the column mapping `mapping` names; its refused bills name the column and line of each failing cell.',
			parameters: [
				idempotencyKeyParam,
				{
					name: 'mapping',
					in: 'query',
					required: false,
					schema: {type: 'string'},
					description: 'Required with text/csv: the name of a mapping saved with PUT /v1/mappings/{name}',
				},
				{name: 'variants', in: 'query', required: false, schema: {type: 'string'}, description: 'An experiment: two or three of the wordings standard, soft, firm, comma-separated; each bill gets one at random (the same every time for the same seed and bill number), is rendered in it (bill.messageVariant) and shows it in the export'},
				{name: 'seed', in: 'query', required: false, schema: {type: 'string'}, description: "The experiment's seed (default: the variant names)"},
			],
			requestBody: {
				required: true,
				content: {
					'application/json': {schema: {type: 'array', maxItems: MAX_JSON_BATCH, items: ref('RenderRequest')}},
					'application/x-ndjson': {schema: {type: 'string', description: 'One RenderRequest as JSON per line'}},
					'text/csv': {schema: {type: 'string', description: 'A header row, then one row per bill (or, with the mapping\'s groupBy, adjacent rows per bill)'}},
				},
			},
			responses: {
				'202': {description: 'Every line read: good ones queued, bad ones reported by line', content: json('BatchAccepted')},
				'400': problem("Malformed JSON or CSV, or a JSON array or CSV line that is not UTF-8 (a CSV's line is named; the bills before a CSV's bad record are read as an interrupted batch the detail names), or a body that does not match its Content-Encoding"),
				'413': problem(`A line or CSV record longer than ${MAX_LINE_BYTES} bytes (named), a streamed batch over ${MAX_BATCH_LINES} lines or ${MAX_BATCH_BYTES_TEXT} decoded, or a JSON array over the body limit; nothing after it was read`),
				'415': problem('Not JSON, NDJSON or UTF-8 CSV, or an unsupported Content-Encoding'),
				'422': problem('Not an array, too many items, or no bills at all; a CSV without a known mapping, or whose header lacks a mapped column'),
				...notFoundError,
			},
		},
	},
	'/v1/batches/{id}': {get: {summary: 'Renders of a batch by state', parameters: [idParam('id')], responses: {'200': {description: 'The batch', content: json('Batch')}, ...notFoundError}}},
	'/v1/batches/{id}/export.{format}': {
		get: {
			summary: 'One row per accepted bill, for the SMS or email run',
			description:
				'CSV columns: customer_reference, render_id, watch_link, status, variant (only for a batch with an experiment), ' +
				'video_link, poster_link, mp4. NDJSON: one object per line with the same fields in camelCase, as the rest of the ' +
				'JSON API names them: customerReference, renderId, watchLink, status, variant, videoLink, posterLink, mp4.',
			parameters: [idParam('id'), tableFormatParam],
			responses: {'200': {description: 'CSV or NDJSON', content: tableContent}, ...notFoundError},
		},
	},
	'/v1/mappings/{name}': {
		put: {
			summary: 'Save a CSV column mapping under a name (kept until replaced or deleted)',
			parameters: [idParam('name')],
			requestBody: {required: true, content: json('Mapping')},
			responses: {
				'200': {description: 'Replaced', content: json('StoredMapping')},
				'201': {description: 'Created', content: json('StoredMapping')},
				'422': problem('An invalid mapping or name; the errors name the field, and a column mapped to no field of the render request lists the fields there are'),
				...notFoundError,
			},
		},
		get: {summary: 'A saved CSV column mapping', parameters: [idParam('name')], responses: {'200': {description: 'The mapping', content: json('StoredMapping')}, ...notFoundError}},
		delete: {summary: 'Delete a CSV column mapping', parameters: [idParam('name')], responses: {'204': {description: 'Deleted'}, ...notFoundError}},
	},
};
