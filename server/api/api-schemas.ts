import {z} from 'zod';
import {videoFormats} from '../../src/formats';
import {templateIds} from '../../src/templates/registry';
import {outputModes} from '../renders/render-record';

/** Response bodies, as zod schemas so the OpenAPI document is generated from the same source as the request schemas. */
const renderBase = {
	id: z.string().describe('Built from tenant, customer, billing period and a digest of the request; never contains ":"'),
	progress: z.number().min(0).max(1),
	template: z.enum(templateIds),
	format: z.enum(videoFormats),
	createdAt: z.string(),
	updatedAt: z.string(),
	links: z.object({
		self: z.url(),
		video: z.url(),
		watch: z.url().describe("The customer's personal watch page, with a signed token"),
		poster: z.url().describe('The poster image (JPEG) behind a signed token, for emails: drawn on the first fetch when it does not exist yet'),
	}),
	outputs: z
		.object({mp4: z.enum(outputModes), poster: z.enum(outputModes)})
		.describe('When the MP4 and the poster are made: render (on acceptance) or on-demand (at the first request)'),
	warnings: z
		.array(z.object({path: z.string(), message: z.string()}))
		.optional()
		.describe('Only in the answer to a TMF678 bill mapped by a guess: each TMF field to fix or map, e.g. a section placed under "Other charges" (map it in the tenant sectionMap)'),
};

export const renderOutputSchema = z.object({
	durationInSeconds: z.number(),
	frames: z.number().int(),
	fps: z.number(),
	width: z.number().int(),
	height: z.number().int(),
	bytes: z.number().int(),
});

export const renderViewSchema = z
	.discriminatedUnion('status', [
		z.object({...renderBase, status: z.literal('on-demand')}).describe('Accepted; the watch link works; the MP4 is rendered at its first request'),
		z.object({...renderBase, status: z.literal('queued')}),
		z.object({...renderBase, status: z.literal('rendering')}),
		z.object({...renderBase, status: z.literal('completed'), output: renderOutputSchema}),
		z.object({...renderBase, status: z.literal('failed'), error: z.object({code: z.string(), message: z.string()})}),
	]);

export const problemSchema = z
	.object({
		type: z.string(),
		title: z.string(),
		status: z.number().int(),
		code: z.string().describe('Stable machine-readable code, e.g. validation_failed, unauthorized, rate_limited'),
		detail: z.string(),
		errors: z.array(z.object({path: z.string(), message: z.string()})).optional(),
	});

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
			.array(z.object({line: z.number().int(), warnings: z.array(z.object({path: z.string(), message: z.string()}))}))
			.optional()
			.describe('The first 100 queued TMF678 lines mapped by a guess, each with the TMF fields to fix or map'),
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
