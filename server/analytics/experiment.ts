import {createHash} from 'node:crypto';
import {z} from 'zod';

/** A batch's split test: two or three named variants, and the seed that makes each bill's variant reproducible. */
export interface Experiment {
	readonly variants: readonly string[];
	readonly seed: string;
}

const variantName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lowercase letters, digits and hyphens, at most 32');

/** `?variants=soft,firm&seed=nov-2026` on `POST /v1/batches`; the seed defaults to the variant names. */
export const experimentQuerySchema = z
	.object({
		variants: z
			.string()
			.transform((list) => list.split(','))
			.pipe(z.array(variantName).min(2, 'name two or three variants, comma-separated').max(3, 'name two or three variants, comma-separated'))
			.refine((names) => new Set(names).size === names.length, 'must not repeat a variant')
			.optional(),
		seed: z.string().min(1).max(64).optional(),
	})
	.transform(({variants, seed}): Experiment | undefined => (variants ? {variants, seed: seed ?? variants.join(',')} : undefined));

/**
 * The variant of a bill: a digest of the seed and the bill number, so the same bill in the same experiment always gets
 * the same variant (a resend cannot switch it) while bills spread evenly at random.
 */
export const variantOf = (experiment: Experiment, billNumber: string): string => {
	const digest = createHash('sha256').update(`${experiment.seed}\0${billNumber}`).digest();
	return experiment.variants[digest.readUInt32BE(0) % experiment.variants.length]!;
};
