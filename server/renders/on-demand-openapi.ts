import {idParam, notFoundError, problem, storedFileAnswers, type OpenApiPaths} from '../platform/openapi-parts';
import {POSTER_WAIT_MS} from './on-demand-outputs';

const poster = {
	'200': {description: "The poster (JPEG); a failed render's, which will not be drawn, a plain placeholder in its format's proportions", content: {'image/jpeg': {}}},
	...storedFileAnswers,
	'503': problem(`Not drawn within ${POSTER_WAIT_MS / 1000} s (a poster on demand is drawn at the first fetch); see Retry-After`),
};

/** The poster routes, drawn on demand; the MP4 routes answer 202 while an on-demand video renders (see their entries). */
export const onDemandPaths: OpenApiPaths = {
	'/v1/renders/{id}/poster.jpg': {
		get: {
			summary: "The render's poster image, drawn at the first request when it does not exist yet",
			parameters: [idParam('id')],
			responses: {...poster, ...notFoundError},
		},
	},
	'/v1/watch/{token}/poster.jpg': {
		get: {
			summary: "The poster behind a watch token, for an email's image: drawn at the first fetch when it does not exist yet",
			security: [],
			parameters: [idParam('token')],
			responses: {...poster, '404': problem('The link is not valid'), '410': problem('The link has expired')},
		},
	},
};
