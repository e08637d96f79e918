import {z} from 'zod';
import {videoFormats} from '../../src/formats';
import {templateBillSchema} from '../../src/template-schemas';

/** What the API puts on the queue; the worker checks it again because anything can be written to Redis. */
export const renderJobSchema = templateBillSchema({
	renderId: z.string(),
	tenant: z.string(),
	format: z.enum(videoFormats),
	scale: z.number().positive().max(2),
});

export type RenderJob = z.infer<typeof renderJobSchema>;

/**
 * What a render's queued job holds: its id, nothing else. The bill is kept once, beside the render's record (see
 * render-store), so a queued billing cycle holds each bill once instead of twice.
 */
export const renderJobRefSchema = z.object({renderId: z.string()});

export type RenderJobRef = z.infer<typeof renderJobRefSchema>;
