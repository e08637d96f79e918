import {writeWav} from './wav';

export const BED_SAMPLE_RATE = 48_000;

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
export const musicBedWav = (): Buffer => {
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
