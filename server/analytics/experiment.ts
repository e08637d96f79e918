import {createHash} from 'node:crypto';
import {z} from 'zod';
import {messageVariantSchema, type MessageVariant} from '../../src/message-variants';
import type {RenderJob} from '../renders/render-job';
import {buildRenderId} from '../renders/render-id';

/** A batch's split test: two or three of the video's wordings, and the seed that makes each bill's variant reproducible. */
export interface Experiment {
	readonly variants: readonly MessageVariant[];
	readonly seed: string;
}

/** `?variants=standard,soft,firm&seed=nov-2026` on `POST /v1/batches`; the seed defaults to the variant names. */
export const experimentQuerySchema = z
	.object({
		variants: z
			.string()
			.transform((list) => list.split(','))
			.pipe(z.array(messageVariantSchema).min(2, 'name two or three variants, comma-separated').max(3, 'name two or three variants, comma-separated'))
			.refine((names) => new Set(names).size === names.length, 'must not repeat a variant')
			.optional(),
		seed: z.string().min(1).max(64).optional(),
	})
	.transform(({variants, seed}): Experiment | undefined => (variants ? {variants, seed: seed ?? variants.join(',')} : undefined));

/**
 * The variant of a bill: a digest of the seed and the bill number, so the same bill in the same experiment always gets
 * the same variant (a resend cannot switch it) while bills spread evenly at random.
 */
export const variantOf = (experiment: Experiment, billNumber: string): MessageVariant => {
	const digest = createHash('sha256').update(`${experiment.seed}\0${billNumber}`).digest();
	return experiment.variants[digest.readUInt32BE(0) % experiment.variants.length]!;
};

/**
 * The bill of an experiment's render in its variant's wording: the variant goes into the bill, so the script, captions,
 * player and worker all say it, and into the render id, so each variant is its own video.
 */
export const inVariant = (experiment: Experiment, {renderId: _, ...job}: RenderJob): RenderJob => {
	// The same template's bill with one more field: the union's pairing of template and bill is kept.
	const request = {...job, bill: {...job.bill, messageVariant: variantOf(experiment, job.bill.billNumber)}} as Omit<RenderJob, 'renderId'>;
	return {...request, renderId: buildRenderId(request)} as RenderJob;
};
