import {z} from 'zod';
import {fieldErrorSchema} from '../platform/problem';

/** A batch as the API answers it and webhooks carry it: zod schemas, so the OpenAPI document is generated from them. */
const batchFailureSchema = z.object({
	line: z.number().int().describe("The line of the NDJSON or CSV body (a CSV bill's first row), or the position in the JSON array"),
	errors: z.array(
		z.object({
			path: z.string().describe('The field of the render request'),
			message: z.string(),
			column: z.string().optional().describe('CSV only: the column of the cell the field was read from'),
			line: z.number().int().optional().describe('CSV only: the line of that cell'),
		}),
	),
});

const batchLinksSchema = z.object({self: z.url(), exportCsv: z.url(), exportNdjson: z.url()});

export const batchAcceptedSchema = z
	.object({
		id: z.string(),
		status: z.literal('accepted'),
		lines: z.number().int(),
		accepted: z.number().int(),
		rejected: z.number().int(),
		failures: z.array(batchFailureSchema).describe('The first 100 refused lines'),
		warnings: z
			.array(z.object({line: z.number().int(), warnings: z.array(fieldErrorSchema)}))
			.optional()
			.describe(
				'The first 100 accepted lines to look at: a TMF678 bill mapped by a guess (the TMF fields to fix or map), a line repeating an earlier one (the same render, accepted once), a bill number another bill of the batch has too',
			),
		links: batchLinksSchema,
	});

export const batchStatusSchema = z
	.object({
		id: z.string(),
		tenant: z.string(),
		createdAt: z.string(),
		status: z.enum(['receiving', 'accepted', 'interrupted']).describe('interrupted: the body stopped making sense part-way; the lines before stay queued or refused'),
		reason: z.object({code: z.string(), message: z.string()}).optional().describe('Why an interrupted batch stopped, as the problem the request was answered with'),
		lines: z.number().int().optional(),
		accepted: z.number().int().optional(),
		rejected: z.number().int().optional(),
		renders: z.object({'on-demand': z.number().int().describe('MP4 on demand, not asked for yet'), queued: z.number().int(), rendering: z.number().int(), completed: z.number().int(), failed: z.number().int()}),
		progress: z.number().min(0).max(1),
		failures: z.object({total: z.number().int(), first: z.array(batchFailureSchema)}),
		links: batchLinksSchema,
	});
