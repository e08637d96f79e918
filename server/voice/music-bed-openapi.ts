import {json, jsonSchema, problem, type OpenApiPaths, type OpenApiSchemas} from '../platform/openapi-parts';
import {MUSIC_BED_LIMIT_TEXT, MUSIC_BED_LIMITS, MUSIC_BED_TYPES} from './music-bed-audio';
import {musicBedViewSchema} from './music-bed-view';
const limits = `${MUSIC_BED_LIMITS.minSeconds}–${MUSIC_BED_LIMITS.maxSeconds} s, the first ${MUSIC_BED_LIMITS.keptSeconds} s kept`;

export const musicBedSchemas: OpenApiSchemas = {MusicBed: jsonSchema(musicBedViewSchema)};

export const musicBedPaths: OpenApiPaths = {
	'/v1/music-bed': {
		put: {
			summary: "Upload the tenant's own music bed, played under the narration instead of the generated one",
			description:
				`The body is the audio file (at most ${MUSIC_BED_LIMIT_TEXT}, ${limits}). It is decoded to check it is audio, then ` +
				'stored as 48 kHz stereo WAV at the generated bed\'s loudness, for every worker. Renders narrated from then on ' +
				'use it; narrations already made keep their bed. A narration config with the bed or narration off still wins.',
			requestBody: {required: true, content: Object.fromEntries(MUSIC_BED_TYPES.map((type) => [type, {schema: {type: 'string', contentMediaType: type}}]))},
			responses: {
				'200': {description: 'Replaced the earlier upload', content: json('MusicBed')},
				'201': {description: 'Stored', content: json('MusicBed')},
				'413': problem(`Body over ${MUSIC_BED_LIMIT_TEXT}`),
				'415': problem('Content-Type is not one of the audio types'),
				'422': problem(`Not audio ffmpeg can decode, empty, silent, or outside ${limits}; the errors name body`),
			},
		},
		get: {summary: "The bed the tenant's next narrations play over", responses: {'200': {description: 'The bed', content: json('MusicBed')}}},
		delete: {
			summary: 'Remove the upload: narrations go back to the bed the narration config names',
			responses: {'204': {description: 'Removed'}, '404': problem('No uploaded bed')},
		},
	},
};
