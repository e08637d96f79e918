import {apiErrors, idempotencyKeyParam, idParam, json, problem, storedFileAnswers, type OpenApiPaths} from '../platform/openapi-parts';

export const rendersPaths: OpenApiPaths = {
	'/v1/renders': {
		post: {
			summary: 'Render one bill',
			parameters: [idempotencyKeyParam],
			requestBody: {required: true, content: json('RenderRequest')},
			responses: {
				'202': {description: 'Queued (or the existing render of the same request)', content: json('Render')},
				'400': problem('Malformed JSON'),
				'409': problem('A request with this Idempotency-Key is still running'),
				'413': problem('Body too large'),
				'415': problem('Not JSON'),
				'422': problem('Invalid bill, disallowed pay URL, or an Idempotency-Key reused with another body'),
				...apiErrors,
			},
		},
	},
	'/v1/renders/{id}': {get: {summary: 'A render and its progress', parameters: [idParam('id')], responses: {'200': {description: 'The render', content: json('Render')}, ...apiErrors}}},
	'/v1/renders/{id}/video.mp4': {
		get: {
			summary: 'The MP4 (Range requests answer 206)',
			parameters: [idParam('id')],
			responses: {'200': {description: 'The video', content: {'video/mp4': {}}}, '202': {description: 'An on-demand MP4 rendering (started by this request when it was the first): the render with its progress; ask again after Retry-After', content: json('Render')}, ...storedFileAnswers, '409': problem('Not completed yet'), ...apiErrors},
		},
	},
	'/v1/renders/{id}/events': {
		get: {summary: 'Progress as Server-Sent Events until the render ends', parameters: [idParam('id')], responses: {'200': {description: 'text/event-stream of progress, completed or failed events', content: {'text/event-stream': {}}}, ...apiErrors}},
	},
};
