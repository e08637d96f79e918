import type {z} from 'zod';
import type {renderViewSchema} from './render-view-schema';
import {outputsOf, progressOf, type RenderRecord} from './render-record';
import type {WatchLinks} from '../watch/watch-links';
import {urlUnder} from '../platform/urls';

/** The public JSON of a render, typed by the schema the OpenAPI document publishes so the two cannot drift. */
export type RenderView = z.infer<typeof renderViewSchema>;

export const renderView = (record: RenderRecord, baseUrl: string, watchLinks: WatchLinks): RenderView => {
	const self = urlUnder(baseUrl, 'v1', 'renders', record.id);
	const head = {id: record.id, status: record.status, progress: progressOf(record), template: record.template, format: record.format};
	const times = {createdAt: record.createdAt, updatedAt: record.updatedAt, outputs: outputsOf(record)};
	const links = {self, video: urlUnder(self, 'video.mp4'), watch: watchLinks.urlFor(record.id), poster: watchLinks.posterUrlFor(record.id)};
	// Built per status so the result is the schema's discriminated union; the keys keep the order clients have seen.
	switch (record.status) {
		case 'completed': {
			// The speech timings are for the player, through the watch link; the API's answer stays the render's shape.
			const {speech: _speech, ...output} = record.output;
			// frames / fps, which is rarely a round number (2215 / 30 = 73.83333333333333); a millisecond is finer than a frame.
			const durationInSeconds = Math.round(output.durationInSeconds * 1000) / 1000;
			return {...head, status: record.status, ...times, output: {...output, durationInSeconds}, links};
		}
		case 'failed':
			return {...head, status: record.status, ...times, error: record.error, links};
		default:
			return {...head, status: record.status, ...times, links};
	}
};
