import {viewerEventSchema} from '../analytics/viewer-event-schema';
import {idParam, jsonSchema, problem, storedFileAnswers, type OpenApiPaths} from '../platform/openapi-parts';

/** A watch link is its own credential, so these routes take no API key and never say whether a bill exists. */
const watchErrors = {
	'404': problem('The link is not valid, or the video has no such file'),
	'410': problem('The link has expired'),
};
/** A customer opening the video's link from an SMS or email: the watch page's notice, in the browser's language. */
const orPage = (answer: ReturnType<typeof problem>) => ({
	description: `${answer.description}; video.mp4 asked for as text/html gets the HTML page /w/{token} shows`,
	content: {...answer.content, 'text/html': {}},
});
/** The event body, from the schema the route checks it with: published as JSON, and inside the text sendBeacon posts. */
const viewerEvent = jsonSchema(viewerEventSchema, 'input');

const fileParam = {name: 'file', in: 'path', required: true, schema: {enum: ['video.mp4', 'hotspots.json', 'captions.vtt', 'chapters.vtt']}};
const fileResponses = {
	'200': {description: 'The file', content: {'video/mp4': {}, 'application/json': {}, 'text/vtt': {}}},
	...storedFileAnswers,
	...watchErrors,
};

export const watchPaths: OpenApiPaths = {
	'/v1/watch/{token}': {
		get: {
			summary: 'What the player needs for a watch link: template, format, bill, the paid state once confirmed, the narration once made (narrationPending while it is on its way: ask again), and links to the files, the same bill\'s finished renders in other formats (formats) and events',
			security: [],
			parameters: [idParam('token')],
			responses: {'200': {description: 'The watch data', content: {'application/json': {}}}, ...watchErrors},
		},
	},
	'/v1/watch/{token}/{file}': {
		get: {
			summary: "One of the render's files for the player, with range requests",
			security: [],
			parameters: [idParam('token'), fileParam],
			responses: {
				...fileResponses,
				'404': orPage(watchErrors['404']),
				'410': orPage(watchErrors['410']),
				'303': {
					description:
						'video.mp4 of a paid bill opened as a page (Sec-Fetch-Dest: document, or text/html preferred to video/mp4): the watch page /w/{token}, which shows the bill paid; a <video>, curl or download still gets the MP4. Not cached (Cache-Control: no-store)',
					headers: {Location: {schema: {type: 'string'}}},
				},
				'202': {
					description:
						"video.mp4 on demand, rendering (started by this request when it was the first): {status, progress}; ask again after Retry-After. Asked for as text/html: a page in the bill's language that reloads itself",
				},
			},
		},
	},
	'/v1/watch/{token}/formats/{format}/{file}': {
		get: {
			summary: "A file of the same bill rendered in another format (listed in the watch data's links.formats), with range requests",
			security: [],
			parameters: [idParam('token'), {name: 'format', in: 'path', required: true, schema: {enum: ['landscape', 'portrait', 'square']}}, fileParam],
			responses: fileResponses,
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
					'text/plain': {schema: {type: 'string', description: 'The event as JSON', contentMediaType: 'application/json', contentSchema: viewerEvent}},
					'application/json': {schema: viewerEvent},
				},
			},
			responses: {
				'204': {description: 'Recorded'},
				// Sent as application/json, the body is parsed before the route: JSON that does not parse is the parser's 400.
				'400': problem('Sent as application/json: the body is not JSON, or nests too deeply'),
				'413': problem('The body is larger than an event can be'),
				'422': problem('Not a known event or a bad field (an unknown scene, a device other than phone or desktop), named in errors; or, sent as text/plain, not JSON'),
				...watchErrors,
				'429': problem('Over the per-link limit of events a minute: wait, then send fewer'),
			},
		},
	},
};
