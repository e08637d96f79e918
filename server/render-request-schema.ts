import {z} from 'zod';
import {videoFormats} from '../src/formats';
import {templateBillSchema} from '../src/template-schemas';

/** The body of `POST /v1/renders`: `{template, bill, format?, scale?}`, the bill checked against its template's schema. */
export const renderRequestSchema = templateBillSchema({
	format: z.enum(videoFormats).default('landscape'),
	/** Output scale relative to the format's size: 0.5 renders 1280×720 as 640×360; 1.5 gives 1920×1080. */
	scale: z.number().min(0.1).max(2).default(1),
});

export type RenderRequest = z.infer<typeof renderRequestSchema>;
