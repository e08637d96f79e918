import {z} from 'zod';
import {viewerEventTypes} from '../../src/viewer-events';
import {allSceneIds, deviceClasses} from './metrics';

/**
 * The body of `POST /v1/watch/:token/events`: one schema for the route to check and the OpenAPI document to publish, so
 * a field the route reads (and the campaign counters count) cannot be missing from the document. Unknown fields are
 * dropped, not refused: an older server keeps taking a newer player's events.
 */
export const viewerEventSchema = z.object({
	type: z.enum(viewerEventTypes),
	hotspot: z.string().max(64).optional().describe('The hotspot shown or clicked: pay, instalments, call, mail, bill-pdf, or page for the watch page\'s own pay button'),
	scene: z.enum(allSceneIds).optional().describe('The scene playing when the event was sent: the furthest one any viewing of a render reports is where it stopped'),
	device: z.enum(deviceClasses).optional().describe("The player's own word for the device; without it the User-Agent decides"),
});
