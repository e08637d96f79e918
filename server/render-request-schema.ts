import {z} from 'zod';
import {billSchema} from '../src/bill-schema';
import {videoFormats} from '../src/formats';
import {templateIds} from '../src/templates';

/** The body of `POST /v1/renders`. */
export const renderRequestSchema = z.object({
	template: z.enum(templateIds),
	bill: billSchema,
	format: z.enum(videoFormats).default('landscape'),
	/** Output scale relative to the format's size: 0.5 renders 1280×720 as 640×360; 1.5 gives 1920×1080. */
	scale: z.number().min(0.1).max(2).default(1),
});

export type RenderRequest = z.infer<typeof renderRequestSchema>;
