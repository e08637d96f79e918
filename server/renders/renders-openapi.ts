import {idempotencyKeyParam, idParam, json, jsonSchema, notFoundError, problem, storedFileAnswers, type OpenApiPaths, type OpenApiSchemas} from '../platform/openapi-parts';
import {renderRequestSchema} from './render-request-schema';
import {renderViewSchema} from './render-view-schema';

export const rendersSchemas: OpenApiSchemas = {RenderRequest: jsonSchema(renderRequestSchema, 'input'), Render: jsonSchema(renderViewSchema)};

export const rendersPaths: OpenApiPaths = {
	'/v1/renders': {
		post: {
			summary: 'Render one bill',
			parameters: [idempotencyKeyParam],
			requestBody: {required: true, content: json('RenderRequest')},
			responses: {
				'202': {description: 'Queued (or the existing render of the same request)', content: json('Render')},
				'409': problem('A request with this Idempotency-Key is still running'),
				'422': problem('Invalid bill, disallowed pay URL, or an Idempotency-Key reused with another body'),
				...notFoundError,
			},
		},
	},
	'/v1/renders/{id}': {get: {summary: 'A render and its progress', parameters: [idParam('id')], responses: {'200': {description: 'The render', content: json('Render')}, ...notFoundError}}},
	'/v1/renders/{id}/video.mp4': {
		get: {
			summary: 'The MP4 (Range requests answer 206)',
			parameters: [idParam('id')],
			responses: {'200': {description: 'The video', content: {'video/mp4': {}}}, '202': {description: 'An on-demand MP4 rendering (started by this request when it was the first): the render with its progress; ask again after Retry-After', content: json('Render')}, ...storedFileAnswers, '409': problem('Not completed yet (code render_not_ready: ask again later), or failed (code render_failed, the reason in detail: send the bill again to retry)'), ...notFoundError},
		},
	},
	'/v1/renders/{id}/events': {
		get: {summary: 'Progress as Server-Sent Events until the render ends', parameters: [idParam('id')], responses: {'200': {description: 'text/event-stream of progress, completed or failed events', content: {'text/event-stream': {}}}, ...notFoundError}},
	},
};
