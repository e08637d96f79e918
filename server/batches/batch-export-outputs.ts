import type {RenderRecord} from '../renders/render-record';
import type {WatchLinks} from '../watch/watch-links';

/**
 * What the export says of each render's outputs, for the SMS or email run: the MP4 and poster links (behind the same
 * kind of signed token as the watch link, so a customer needs no key) and the MP4's state. `ready` can be sent as a
 * download; `on-demand` is rendered when its link is first opened; the poster link answers an image either way.
 */
export const exportOutputColumns = (renderId: string, record: RenderRecord | undefined, watchLinks: WatchLinks) => ({
	videoLink: watchLinks.videoUrlFor(renderId),
	posterLink: watchLinks.posterUrlFor(renderId),
	mp4: mp4State(record),
});

const mp4State = (record: RenderRecord | undefined): 'ready' | 'on-demand' | 'rendering' | 'failed' | 'unknown' => {
	switch (record?.status) {
		case undefined:
			return 'unknown';
		case 'completed':
			return 'ready';
		case 'on-demand':
		case 'failed':
			return record.status;
		default:
			return 'rendering';
	}
};
