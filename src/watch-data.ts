import {z} from 'zod';
import {isoDate} from './bill-fields';
import {videoFormats} from './formats';
import {videoNarrationSchema} from './narration/narration-schema';
import {paidStateSchema} from './paid-state';
import {templateBillSchema} from './template-schemas';

/** A finished render's files, by name, when they exist. */
const fileLinksSchema = z.object({
	'video.mp4': z.string().optional(),
	'hotspots.json': z.string().optional(),
	'captions.vtt': z.string().optional(),
	/** One cue per scene, named in the bill's language. */
	'chapters.vtt': z.string().optional(),
});

/**
 * The answer of `GET /v1/watch/:token`: the props the player needs and the render's files. Declared once so the
 * server that sends it and the player that reads it agree.
 */
export const watchDataSchema = templateBillSchema({
	format: z.enum(videoFormats),
	/** Present once the tenant has confirmed the bill paid. */
	paid: paidStateSchema.optional(),
	/**
	 * The viewing day (YYYY-MM-DD, `todayAnywhereOnEarth` on the server's clock, as the watch page's badge reads it): a
	 * bill sent as due and still owed past its due date is drawn overdue (`asSeenOn`). The server's day, not the
	 * browser's, so the page and the player agree whatever the viewer's clock says. Without it, the bill as sent.
	 */
	today: isoDate.optional(),
	/** Present once the narration is synthesized (before the MP4 is rendered): the live player speaks with it. */
	narration: videoNarrationSchema.optional(),
	/**
	 * Present while the video will speak but its narration is still being made (seconds after the render was asked
	 * for): ask again until `narration` comes. Absent for a video that stays silent (its tenant's narration is off, the
	 * render failed, or an on-demand MP4 nobody has asked for yet) and once `narration` is here.
	 */
	narrationPending: z.literal(true).optional(),
	links: fileLinksSchema.extend({
		events: z.string(),
		/** The same bill rendered in other formats, finished: MP4 mode plays the one nearest the screen. */
		formats: z.partialRecord(z.enum(videoFormats), fileLinksSchema).optional(),
	}),
});
export type WatchData = z.infer<typeof watchDataSchema>;
