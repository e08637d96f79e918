import {z} from 'zod';
import {videoFormats} from '../../src/formats';
import {templateIds} from '../../src/templates/registry';
import {fieldErrorSchema} from '../platform/problem';
import {outputModes} from './render-record';

/** A render as the API answers it and webhooks carry it: a zod schema, so the OpenAPI document is generated from it. */
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
		.array(fieldErrorSchema)
		.optional()
		.describe('Only in the answer to a TMF678 bill mapped by a guess: each TMF field to fix or map, e.g. a section placed under "Other charges" (map it in the tenant sectionMap)'),
};

const renderOutputSchema = z.object({
	durationInSeconds: z.number().describe('frames / fps, to the millisecond'),
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
