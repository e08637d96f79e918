import {z} from 'zod';
import {mappingSchema, storedMappingSchema} from '../batches/mapping-schema';
import {MAX_JSON_BATCH, MAX_LINE_BYTES} from '../batches/batches-router';
import {
	batchAcceptedSchema,
	batchStatusSchema,
	problemSchema,
	renderViewSchema,
	webhookDeliveryListSchema,
	webhookDeliverySchema,
	webhookEventSchema,
} from './api-schemas';
import {
	batchPaymentsInputSchema,
	batchPaymentsResultSchema,
	MAX_BATCH_PAYMENTS,
	paymentInputSchema,
	paymentResultSchema,
} from '../payments/payment-schema';
import {batchAnalyticsSchema, rangeAnalyticsSchema} from '../analytics/analytics-schemas';
import {renderRequestSchema} from '../renders/render-request-schema';
import {MAX_RANGE_DAYS} from '../analytics/analytics-router';
import {MAX_DELIVERIES_PAGE} from '../webhooks/webhooks-router';
import {viewerEventTypes} from '../../src/viewer-events';
import {webhookEventTypes} from '../webhooks/webhook-events';
import {WEBHOOK_SIGNATURE_HEADER} from '../webhooks/webhook-signature';

/** A zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema object. */
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'output') => {
	const {$schema: _, ...rest} = z.toJSONSchema(schema, {target: 'draft-2020-12', unrepresentable: 'any', io}) as Record<string, unknown>;
	return rest;
};

const ref = (name: string) => ({$ref: `#/components/schemas/${name}`});
const json = (name: string) => ({'application/json': {schema: ref(name)}});
const problem = (description: string) => ({description, content: {'application/problem+json': {schema: ref('Problem')}}});
const idParam = (name: string) => ({name, in: 'path', required: true, schema: {type: 'string'}});
const rangeParams = ['from', 'to'].map((name) => ({name, in: 'query', required: true, schema: {type: 'string', format: 'date'}}));
/** A watch link is its own credential, so these routes take no API key and never say whether a bill exists. */
const watchErrors = {
	'404': problem('The link is not valid, or the video has no such file'),
	'410': problem('The link has expired'),
};
const errors = {
	'401': problem('Missing or invalid API key'),
	'404': problem('Unknown id, or one that belongs to another tenant'),
	'429': problem('Over the tenant rate limit; see Retry-After'),
};

/** The OpenAPI 3.1 document of the API, generated from the same zod schemas that validate requests. */
export const buildOpenApi = ({publicBaseUrl}: {publicBaseUrl: string}) => ({
	openapi: '3.1.0',
	info: {
		title: 'billcast API',
		version: '1.0.0',
		description:
			'Personalized bill videos. Money is always an integer of minor units. Errors are application/problem+json with a stable `code`.',
	},
	servers: [{url: publicBaseUrl}],
	security: [{bearer: []}],
	components: {
		securitySchemes: {bearer: {type: 'http', scheme: 'bearer', description: "The tenant's API key"}},
		schemas: {
			RenderRequest: jsonSchema(renderRequestSchema, 'input'),
			Render: jsonSchema(renderViewSchema),
			Problem: jsonSchema(problemSchema),
			BatchAccepted: jsonSchema(batchAcceptedSchema),
			Mapping: jsonSchema(mappingSchema, 'input'),
			StoredMapping: jsonSchema(storedMappingSchema),
			Batch: jsonSchema(batchStatusSchema),
			WebhookEvent: jsonSchema(webhookEventSchema),
			WebhookDelivery: jsonSchema(webhookDeliverySchema),
			WebhookDeliveryList: jsonSchema(webhookDeliveryListSchema),
			PaymentInput: jsonSchema(paymentInputSchema, 'input'),
			PaymentResult: jsonSchema(paymentResultSchema),
			BatchPaymentsInput: jsonSchema(batchPaymentsInputSchema, 'input'),
			BatchPaymentsResult: jsonSchema(batchPaymentsResultSchema),
			BatchAnalytics: jsonSchema(batchAnalyticsSchema),
			RangeAnalytics: jsonSchema(rangeAnalyticsSchema),
		},
	},
	paths: {
		'/v1/renders': {
			post: {
				summary: 'Render one bill',
				parameters: [{name: 'Idempotency-Key', in: 'header', required: false, schema: {type: 'string'}}],
				requestBody: {required: true, content: json('RenderRequest')},
				responses: {
					'202': {description: 'Queued (or the existing render of the same request)', content: json('Render')},
					'400': problem('Malformed JSON'),
					'409': problem('A request with this Idempotency-Key is still running'),
					'413': problem('Body too large'),
					'415': problem('Not JSON'),
					'422': problem('Invalid bill, disallowed pay URL, or an Idempotency-Key reused with another body'),
					...errors,
				},
			},
		},
		'/v1/renders/{id}': {get: {summary: 'A render and its progress', parameters: [idParam('id')], responses: {'200': {description: 'The render', content: json('Render')}, ...errors}}},
		'/v1/renders/{id}/video.mp4': {
			get: {
				summary: 'The MP4 (Range requests answer 206)',
				parameters: [idParam('id')],
				responses: {'200': {description: 'The video', content: {'video/mp4': {}}}, '206': {description: 'Part of the video'}, '409': problem('Not completed yet'), ...errors},
			},
		},
		'/v1/renders/{id}/events': {
			get: {summary: 'Progress as Server-Sent Events until the render ends', parameters: [idParam('id')], responses: {'200': {description: 'text/event-stream of progress, completed or failed events', content: {'text/event-stream': {}}}, ...errors}},
		},
		'/v1/batches': {
			post: {
				summary: `A billing cycle: a JSON array (at most ${MAX_JSON_BATCH}), or streamed NDJSON or CSV of render requests`,
				description:
					`NDJSON lines and CSV records are capped at ${MAX_LINE_BYTES} bytes while they are read. The body may be sent with ` +
					'Content-Encoding gzip, deflate or br. A CSV body (UTF-8, with or without BOM, RFC 4180 quoting) is read through ' +
					'the column mapping `mapping` names; its refused bills name the column and line of each failing cell.',
				parameters: [
					{name: 'Idempotency-Key', in: 'header', required: false, schema: {type: 'string'}},
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
					'400': problem('Malformed JSON or CSV (the line is named), or a body that does not match its Content-Encoding'),
					'413': problem(`A line or CSV record longer than ${MAX_LINE_BYTES} bytes (named), or a JSON array over the body limit; nothing after it was read`),
					'415': problem('Not JSON, NDJSON or UTF-8 CSV, or an unsupported Content-Encoding'),
					'422': problem('Not an array, or too many items; a CSV without a known mapping, or whose header lacks a mapped column'),
					...errors,
				},
			},
		},
		'/v1/batches/{id}': {get: {summary: 'Renders of a batch by state', parameters: [idParam('id')], responses: {'200': {description: 'The batch', content: json('Batch')}, ...errors}}},
		'/v1/batches/{id}/export.{format}': {
			get: {
				summary: 'customer_reference, render_id, watch_link, status for every accepted bill',
				parameters: [idParam('id'), {name: 'format', in: 'path', required: true, schema: {enum: ['csv', 'ndjson']}}],
				responses: {'200': {description: 'CSV or NDJSON', content: {'text/csv': {}, 'application/x-ndjson': {}}}, ...errors},
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
					'422': problem('An invalid mapping or name; the errors name the field'),
					...errors,
				},
			},
			get: {summary: 'A saved CSV column mapping', parameters: [idParam('name')], responses: {'200': {description: 'The mapping', content: json('StoredMapping')}, ...errors}},
			delete: {summary: 'Delete a CSV column mapping', parameters: [idParam('name')], responses: {'204': {description: 'Deleted'}, ...errors}},
		},
		'/v1/renders/{id}/payment': {
			post: {
				summary: 'Confirm the bill paid; the same reference again is the same payment. The watch page and player then show it paid, and payment.confirmed is sent',
				parameters: [idParam('id')],
				requestBody: {required: true, content: json('PaymentInput')},
				responses: {
					'201': {description: 'Confirmed', content: json('PaymentResult')},
					'200': {description: 'This reference was already confirmed; nothing changed', content: json('PaymentResult')},
					'409': problem('The bill already has a payment with another reference'),
					'415': problem('Not JSON'),
					'422': problem('An invalid field, named in errors'),
					...errors,
				},
			},
		},
		'/v1/batches/{id}/payments': {
			post: {
				summary: `Confirm up to ${MAX_BATCH_PAYMENTS} payments by the bill number they were sent with in this batch`,
				parameters: [idParam('id')],
				requestBody: {required: true, content: json('BatchPaymentsInput')},
				responses: {
					'200': {description: 'One result per payment, in order: confirmed, duplicate, not_found or conflict', content: json('BatchPaymentsResult')},
					'415': problem('Not JSON'),
					'422': problem('An invalid field, named in errors (e.g. [2].amount)'),
					...errors,
				},
			},
		},
		'/v1/batches/{id}/analytics': {
			get: {
				summary: 'A campaign: its funnel, clicks, payments, waits, drop-off scenes, devices, languages, days and experiment',
				parameters: [idParam('id')],
				responses: {'200': {description: 'The numbers', content: json('BatchAnalytics')}, ...errors},
			},
		},
		'/v1/batches/{id}/analytics.{format}': {
			get: {
				summary: "A campaign's numbers by day, for a BI tool: date, scope, the funnel counts, paid_amount_<currency> in minor units",
				parameters: [idParam('id'), {name: 'format', in: 'path', required: true, schema: {enum: ['csv', 'ndjson']}}],
				responses: {'200': {description: 'CSV or NDJSON', content: {'text/csv': {}, 'application/x-ndjson': {}}}, ...errors},
			},
		},
		'/v1/analytics': {
			get: {
				summary: `The tenant's numbers from one day to another (at most ${MAX_RANGE_DAYS} days), in total, by template and by day`,
				parameters: rangeParams,
				responses: {'200': {description: 'The numbers', content: json('RangeAnalytics')}, '422': problem('A bad date or range, named in errors'), ...errors},
			},
		},
		'/v1/analytics.{format}': {
			get: {
				summary: 'The same by day and template, for a BI tool',
				parameters: [...rangeParams, {name: 'format', in: 'path', required: true, schema: {enum: ['csv', 'ndjson']}}],
				responses: {'200': {description: 'CSV or NDJSON', content: {'text/csv': {}, 'application/x-ndjson': {}}}, '422': problem('A bad date or range, named in errors'), ...errors},
			},
		},
		'/v1/renders/{id}/analytics': {
			get: {
				summary: "One render's viewer events, counted by type",
				parameters: [idParam('id')],
				responses: {'200': {description: 'The render id and its event counts', content: {'application/json': {}}}, ...errors},
			},
		},
		'/v1/watch/{token}': {
			get: {
				summary: 'What the player needs for a watch link: template, format, bill, the paid state once confirmed, and links to the files, the same bill\'s finished renders in other formats (formats) and events',
				security: [],
				parameters: [idParam('token')],
				responses: {'200': {description: 'The watch data', content: {'application/json': {}}}, ...watchErrors},
			},
		},
		'/v1/watch/{token}/{file}': {
			get: {
				summary: "One of the render's files for the player, with range requests",
				security: [],
				parameters: [idParam('token'), {name: 'file', in: 'path', required: true, schema: {enum: ['video.mp4', 'hotspots.json', 'captions.vtt']}}],
				responses: {
					'200': {description: 'The file', content: {'video/mp4': {}, 'application/json': {}, 'text/vtt': {}}},
					'206': {description: 'Part of the file, for a Range request'},
					...watchErrors,
				},
			},
		},
		'/v1/watch/{token}/formats/{format}/{file}': {
			get: {
				summary: "A file of the same bill rendered in another format (listed in the watch data's links.formats), with range requests",
				security: [],
				parameters: [
					idParam('token'),
					{name: 'format', in: 'path', required: true, schema: {enum: ['landscape', 'portrait', 'square']}},
					{name: 'file', in: 'path', required: true, schema: {enum: ['video.mp4', 'hotspots.json', 'captions.vtt']}},
				],
				responses: {
					'200': {description: 'The file', content: {'video/mp4': {}, 'application/json': {}, 'text/vtt': {}}},
					'206': {description: 'Part of the file, for a Range request'},
					...watchErrors,
				},
			},
		},
		'/v1/watch/{token}/events': {
			post: {
				summary: 'A viewer event from the player; sendBeacon posts it as text/plain, so other origins need no preflight',
				security: [],
				parameters: [idParam('token')],
				requestBody: {
					required: true,
					content: {
						'text/plain': {schema: {type: 'string', description: 'The event as JSON'}},
						'application/json': {schema: {type: 'object', required: ['type'], properties: {type: {enum: [...viewerEventTypes]}}}},
					},
				},
				responses: {'204': {description: 'Recorded'}, '422': problem('Not a known event, named in errors'), ...watchErrors, '429': problem('Too many events for this link')},
			},
		},
		'/v1/webhooks/deliveries': {
			get: {
				summary: "The tenant's webhook deliveries, newest first, each with every attempt",
				parameters: [{name: 'limit', in: 'query', required: false, schema: {type: 'integer', minimum: 1, maximum: MAX_DELIVERIES_PAGE, default: 20}}],
				responses: {'200': {description: 'The deliveries', content: json('WebhookDeliveryList')}, '422': problem('A limit out of range'), ...errors},
			},
		},
		'/v1/webhooks/deliveries/{id}': {
			get: {summary: 'One webhook delivery and its attempts', parameters: [idParam('id')], responses: {'200': {description: 'The delivery', content: json('WebhookDelivery')}, ...errors}},
		},
		'/healthz': {get: {summary: 'The process is alive', security: [], responses: {'200': {description: 'Alive'}}}},
		'/readyz': {get: {summary: 'Redis answers, the queue runs and a worker beat recently', security: [], responses: {'200': {description: 'Ready'}, '503': {description: 'Not ready; the body names the failing check'}}}},
	},
	webhooks: Object.fromEntries(
		webhookEventTypes.map((type) => [
			type,
			{
				post: {
					summary: `${type}, posted to the tenant's webhook URL`,
					security: [],
					parameters: [
						{
							name: WEBHOOK_SIGNATURE_HEADER,
							in: 'header',
							required: true,
							schema: {type: 'string'},
							description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook secret>',
						},
					],
					requestBody: {required: true, content: json('WebhookEvent')},
					responses: {'2XX': {description: 'Received; any other answer, or none within 10 s, is retried'}},
				},
			},
		]),
	),
});
