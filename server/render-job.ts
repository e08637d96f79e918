import {z} from 'zod';
import {billSchema} from '../src/bill-schema';
import {videoFormats} from '../src/formats';
import {templateIds} from '../src/templates';

/** What the API puts on the queue; the worker checks it again because anything can be written to Redis. */
export const renderJobSchema = z.object({
	renderId: z.string(),
	tenant: z.string(),
	template: z.enum(templateIds),
	format: z.enum(videoFormats),
	scale: z.number().positive().max(2),
	bill: billSchema,
});

export type RenderJob = z.infer<typeof renderJobSchema>;
