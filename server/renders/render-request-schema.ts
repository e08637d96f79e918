import {z} from 'zod';
import {brandSchema, customerSchema} from '../../src/bill-fields';
import {videoFormats} from '../../src/formats';
import {templateBillSchema} from '../../src/template-schemas';
import {withoutNulls} from '../../src/tmf678/tmf678-nulls';
import {tmf678Schema} from '../../src/tmf678/tmf678-schema';
import type {FieldError} from '../platform/errors';
import {fieldErrorsFromZod} from '../platform/zod-field-errors';
import {outputModes} from './render-record';
import {unrecognizedKeyErrors} from './unknown-keys';

/**
 * Which files a render makes, and when. The watch link needs none of them (the live player draws the bill in the
 * browser), so it works as soon as the bill is accepted. `render` makes the file when the bill is accepted, as billcast
 * always has, which is why it is the default: a client that never names `outputs` sees no change. `on-demand` makes it
 * the first time someone asks for it and keeps it, so a billing cycle costs only the videos customers open.
 */
const renderOutputsSchema = z
	.object({
		mp4: z
			.enum(outputModes)
			.default('render')
			.describe('on-demand: the MP4 is rendered when first asked for (video.mp4, the watch page\'s MP4 mode or its download), answering 202 with progress until then'),
		poster: z
			.enum(outputModes)
			.default('render')
			.describe('on-demand: the poster image is drawn when first fetched. With mp4 render it comes with the video either way; its URL always answers an image'),
	})
	.strict()
	.default({mp4: 'render', poster: 'render'});

const renderOptions = {
	format: z.enum(videoFormats).default('landscape'),
	/** Output scale relative to the format's size: 0.5 renders 1280×720 as 640×360; 1.5 gives 1920×1080. */
	scale: z.number().min(0.1).max(2).default(1),
	outputs: renderOutputsSchema,
};

/** Each form refusing a key it does not know: a typo ("fromat") would otherwise be dropped and render another video. */
type StrictForms<Forms extends readonly z.ZodObject[]> = {readonly [K in keyof Forms]: Forms[K] extends z.ZodObject<infer Shape> ? z.ZodObject<Shape, z.core.$strict> : never};
const strictForms = <Forms extends readonly z.ZodObject[]>(forms: Forms): StrictForms<Forms> => forms.map((form) => form.strict()) as unknown as StrictForms<Forms>;

/** `{template, bill, format?, scale?}`, the bill checked against its template's schema. */
export const billRenderRequestSchema = z.discriminatedUnion('template', strictForms(templateBillSchema(renderOptions).options));

/** `{template: "telco-bill", tmf678, locale?, brand?, format?, scale?}`: a TM Forum TMF678 bill, made a telco bill. */
export const tmf678RenderRequestSchema = z
	.strictObject({
		...renderOptions,
		template: z.literal('telco-bill', {error: 'must be telco-bill: a TMF678 customer bill becomes a telco bill'}),
		tmf678: tmf678Schema.describe(
			'A TM Forum TMF678 customerBill and its appliedCustomerBillingRate list, with v4 or v5 field names; Money is {unit, value} with decimals. A field that is null counts as left out',
		),
		locale: customerSchema.shape.locale.default('en-GB').describe('The language of the video; TMF678 does not say it'),
		brand: brandSchema.optional().describe("TMF678 has no brand: without one here, the tenant's configured brand"),
	})
	.describe('A TMF678 bill instead of `bill`; the pay link comes from the tenant checkoutUrlTemplate');

/** The body of `POST /v1/renders` and of each batch line: a bill in billcast's schema, or a TMF678 bill. */
export const renderRequestSchema = z.union([billRenderRequestSchema, tmf678RenderRequestSchema]);

export type RenderRequest = z.infer<typeof renderRequestSchema>;

export type ParsedRenderRequest = {readonly ok: true; readonly request: RenderRequest} | {readonly ok: false; readonly errors: FieldError[]};

/**
 * The bill form a body's template names. zod reports an unknown key only inside an object whose template it knew, so
 * that form is there to say which key was meant.
 */
const billFormOf = (body: unknown): z.core.$ZodType | undefined =>
	billRenderRequestSchema.options.find((form) => form.shape.template.value === (body as {template?: unknown} | null)?.template);

/**
 * A body checked against the one form it uses: with `tmf678` the TMF form, else the bill form. Parsing the union
 * instead would answer a single "Invalid input" for the whole body rather than name the field to fix.
 */
export const parseRenderRequest = (body: unknown): ParsedRenderRequest => {
	const isTmf = typeof body === 'object' && body !== null && 'tmf678' in body;
	if (isTmf && 'bill' in body) return {ok: false, errors: [{path: 'tmf678', message: 'cannot come with bill: send one or the other'}]};
	const parsed = isTmf ? tmf678RenderRequestSchema.safeParse({...body, tmf678: withoutNulls(body.tmf678)}) : billRenderRequestSchema.safeParse(body);
	if (parsed.success) return {ok: true, request: parsed.data};
	const errors = parsed.error.issues.flatMap((issue) =>
		issue.code === 'unrecognized_keys' ? unrecognizedKeyErrors(issue, isTmf ? tmf678RenderRequestSchema : billFormOf(body)) : fieldErrorsFromZod(new z.ZodError([issue])),
	);
	return {ok: false, errors};
};
