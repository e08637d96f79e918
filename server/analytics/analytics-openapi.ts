import {idParam, json, jsonSchema, notFoundError, problem, tableContent, tableFormatParam, type OpenApiPaths, type OpenApiSchemas} from '../platform/openapi-parts';
import {batchAnalyticsSchema, rangeAnalyticsSchema} from './analytics-schemas';
import {MAX_RANGE_DAYS} from './analytics-router';

const rangeParams = ['from', 'to'].map((name) => ({name, in: 'query', required: true, schema: {type: 'string', format: 'date'}}));

export const analyticsSchemas: OpenApiSchemas = {BatchAnalytics: jsonSchema(batchAnalyticsSchema), RangeAnalytics: jsonSchema(rangeAnalyticsSchema)};

export const analyticsPaths: OpenApiPaths = {
	'/v1/batches/{id}/analytics': {
		get: {
			summary: 'A campaign: its funnel, clicks, payments, waits, drop-off scenes, devices, languages, days and experiment',
			parameters: [idParam('id')],
			responses: {'200': {description: 'The numbers', content: json('BatchAnalytics')}, ...notFoundError},
		},
	},
	'/v1/batches/{id}/analytics.{format}': {
		get: {
			summary: "A campaign's numbers by day, for a BI tool: date, scope, the funnel counts, paid_amount_<currency> in minor units",
			parameters: [idParam('id'), tableFormatParam],
			responses: {'200': {description: 'CSV or NDJSON', content: tableContent}, ...notFoundError},
		},
	},
	'/v1/analytics': {
		get: {
			summary: `The tenant's numbers from one day to another (at most ${MAX_RANGE_DAYS} days), in total, by template and by day`,
			parameters: rangeParams,
			responses: {'200': {description: 'The numbers', content: json('RangeAnalytics')}, '422': problem('A bad date or range, named in errors'), ...notFoundError},
		},
	},
	'/v1/analytics.{format}': {
		get: {
			summary: 'The same by day and template, for a BI tool',
			parameters: [...rangeParams, tableFormatParam],
			responses: {'200': {description: 'CSV or NDJSON', content: tableContent}, '422': problem('A bad date or range, named in errors'), ...notFoundError},
		},
	},
	'/v1/renders/{id}/analytics': {
		get: {
			summary: "One render's viewer events, counted by type",
			parameters: [idParam('id')],
			responses: {'200': {description: 'The render id and its event counts', content: {'application/json': {}}}, ...notFoundError},
		},
	},
};
