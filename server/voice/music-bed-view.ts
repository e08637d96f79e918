import {z} from 'zod';
import {BED_SAMPLE_RATE, musicBedInUse, type UploadedMusicBed} from './music-bed';
import type {NarrationConfig} from './narration-config';

const uploadFields = {
	durationMs: z.number().describe('How long the stored bed plays before it loops'),
	format: z.literal('wav').describe('What every upload is converted to'),
	sampleRate: z.literal(BED_SAMPLE_RATE),
	channels: z.literal(2),
	bytes: z.number().int(),
	sha256: z.string().describe('Digest of the stored bed: a new upload of the same file gives the same one'),
	uploadedAt: z.string(),
};

/** What `GET`/`PUT /v1/music-bed` answer: the bed the tenant's next narrations play over. */
export const musicBedViewSchema = z.discriminatedUnion('status', [
	z.object({status: z.literal('uploaded'), ...uploadFields}).describe("The tenant's upload plays under the voice"),
	z.object({status: z.literal('generated')}).describe('No upload: the generated chords play under the voice'),
	z
		.object({
			status: z.literal('off'),
			reason: z.enum(['narration_off', 'music_bed_off']).describe("The tenant's narration config turns narration, or its music bed, off"),
			upload: z.object(uploadFields).optional().describe('An upload kept for when the config turns the bed on'),
		})
		.describe('No bed plays'),
]);

export type MusicBedView = z.infer<typeof musicBedViewSchema>;

const uploadView = ({durationMs, bytes, sha256, uploadedAt}: UploadedMusicBed) =>
	({durationMs, format: 'wav', sampleRate: BED_SAMPLE_RATE, channels: 2, bytes, sha256, uploadedAt}) as const;

export const musicBedView = (config: NarrationConfig | undefined, upload: UploadedMusicBed | undefined): MusicBedView => {
	const inUse = musicBedInUse(config, upload);
	if (inUse.status === 'uploaded') return {status: 'uploaded', ...uploadView(inUse.upload)};
	if (inUse.status === 'generated') return {status: 'generated'};
	return {status: 'off', reason: inUse.reason, ...(upload ? {upload: uploadView(upload)} : {})};
};
