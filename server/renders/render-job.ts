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
