import {z} from 'zod';
import type {NarrationConfig} from './narration-config';
import {writeWav} from './wav';

export const BED_SAMPLE_RATE = 48_000;

/**
 * The generated bed's integrated loudness (LUFS). An uploaded bed is brought to it, so the one bed gain of the mix
 * places any bed as far under the voice as the generated one, however loud the tenant's file was mastered.
 */
export const BED_LOUDNESS_LUFS = -17;

/** C major, A minor, F major, G major: the I–vi–IV–V loop, voiced low and close so it sits under speech. */
const CHORDS: ReadonlyArray<readonly number[]> = [
	[130.81, 196.0, 261.63, 329.63],
	[110.0, 164.81, 220.0, 261.63],
	[87.31, 174.61, 220.0, 261.63],
	[98.0, 146.83, 196.0, 246.94],
];

const CHORD_SECONDS = 2;
/** Attack and release of each chord, long enough that chords swell rather than strike. */
const SWELL_SECONDS = 0.6;

/**
 * A few seconds of soft chords made from sine waves, so the bed's licence is ours: each chord swells in and out to
 * silence, so the loop joins seamlessly however often it repeats. The right channel is detuned a little for width.
 */
const generateMusicBed = (): Buffer => {
	const framesPerChord = CHORD_SECONDS * BED_SAMPLE_RATE;
	const samples = new Int16Array(CHORDS.length * framesPerChord * 2);
	const swell = SWELL_SECONDS * BED_SAMPLE_RATE;
	for (const [index, chord] of CHORDS.entries()) {
		for (let frame = 0; frame < framesPerChord; frame += 1) {
			const t = frame / BED_SAMPLE_RATE;
			const envelope = Math.min(1, frame / swell, (framesPerChord - frame) / swell);
			const smooth = Math.sin((envelope * Math.PI) / 2) ** 2;
			let left = 0;
			let right = 0;
			for (const [voice, frequency] of chord.entries()) {
				// Lower notes a little louder, and a quiet octave above each note for warmth.
				const level = 1 / (1 + voice * 0.35);
				left += level * (Math.sin(2 * Math.PI * frequency * t) + 0.15 * Math.sin(4 * Math.PI * frequency * t));
				right += level * (Math.sin(2 * Math.PI * frequency * 1.003 * t) + 0.15 * Math.sin(4 * Math.PI * frequency * 1.003 * t));
			}
			const at = (index * framesPerChord + frame) * 2;
			samples[at] = Math.round(left * smooth * 0.12 * 32767);
			samples[at + 1] = Math.round(right * smooth * 0.12 * 32767);
		}
	}
	return writeWav({samples, sampleRate: BED_SAMPLE_RATE, channels: 2});
};

let generated: Buffer | undefined;
/** The same bytes every time, so each process computes its sine chords once rather than once per narration. */
export const musicBedWav = (): Buffer => (generated ??= generateMusicBed());

/** What render storage records of a tenant's uploaded bed: a 48 kHz stereo 16-bit WAV stored under a key of its content. */
export const uploadedMusicBedSchema = z.object({
	key: z.string().min(1),
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	durationMs: z.number().positive(),
	bytes: z.number().int().positive(),
	uploadedAt: z.iso.datetime(),
});

export type UploadedMusicBed = z.infer<typeof uploadedMusicBedSchema>;

/** The bed a tenant's narration plays over, and why there is none. */
export type MusicBedInUse =
	| {readonly status: 'off'; readonly reason: 'narration_off' | 'music_bed_off'}
	| {readonly status: 'generated'}
	| {readonly status: 'uploaded'; readonly upload: UploadedMusicBed};

/**
 * The config decides first (narration off, or its bed off, silences any upload); otherwise the tenant's upload, when
 * there is one, plays instead of the generated chords.
 */
export const musicBedInUse = (config: NarrationConfig | undefined, upload: UploadedMusicBed | undefined): MusicBedInUse => {
	if (!config || config.status === 'off') return {status: 'off', reason: 'narration_off'};
	if (config.musicBed.status === 'off') return {status: 'off', reason: 'music_bed_off'};
	return upload ? {status: 'uploaded', upload} : {status: 'generated'};
};

/** The bed a mix is given: the generated chords, none, or the tenant's upload as a file on this machine. */
export type MusicBedSource = {readonly status: 'generated'} | {readonly status: 'off'} | {readonly status: 'uploaded'; readonly file: string};
