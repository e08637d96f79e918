import {progressOf, type RenderRecord} from './render-record';
import type {WatchLinks} from './watch-links';

/** The public JSON of a render. */
export const renderView = (record: RenderRecord, baseUrl: string, watchLinks: WatchLinks) => {
	const self = `${baseUrl}/v1/renders/${encodeURIComponent(record.id)}`;
	return {
		id: record.id,
		status: record.status,
		progress: progressOf(record),
		template: record.template,
		format: record.format,
		createdAt: record.createdAt,
		updatedAt: record.updatedAt,
		...(record.status === 'completed' ? {output: record.output} : {}),
		...(record.status === 'failed' ? {error: record.error} : {}),
		links: {self, video: `${self}/video.mp4`, watch: watchLinks.urlFor(record.id)},
	};
};
