import {execFile} from 'node:child_process';
import {mkdir} from 'node:fs/promises';
import {dirname, extname} from 'node:path';
import {promisify} from 'node:util';
import {AudioMixError} from './errors';

const run = promisify(execFile);

/** A voice clip placed on the video's clock. */
export interface TimedSegment {
	readonly file: string;
	readonly startMs: number;
}

/** EBU R128 for online video: −16 LUFS integrated; the true peak aimed under the −1 dBTP limit with room for AAC. */
export const LOUDNESS = {integrated: -16, truePeak: -1.5, range: 11} as const;

/** How far the bed sits under the voice before ducking, and how long it fades in and out. */
const BED_GAIN_DB = -14;
const BED_FADE_SECONDS = 1.5;

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * The filter graph: voice clips delayed to their start and summed, the bed looped, faded and ducked whenever the
 * voice speaks (sidechain compression keyed by the voice), then both summed and brought to the loudness target.
 */
const filterGraph = ({segments, durationMs, hasBed, loudnorm}: {segments: readonly TimedSegment[]; durationMs: number; hasBed: boolean; loudnorm: string}): string => {
	const duration = seconds(durationMs);
	const voices = segments.map(
		(segment, index) =>
			`[${index}:a]aresample=48000,pan=stereo|c0=c0|c1=c0,adelay=${Math.round(segment.startMs)}:all=1[v${index}]`,
	);
	const voiceSum =
		segments.length > 0
			? `${segments.map((_, index) => `[v${index}]`).join('')}amix=inputs=${segments.length}:normalize=0,apad,atrim=0:${duration}`
			: `anullsrc=r=48000:cl=stereo,atrim=0:${duration}`;
	if (!hasBed) return [...voices, `${voiceSum},${loudnorm}[out]`].join(';');
	const bed = segments.length;
	const fadeOut = Math.max(0, durationMs / 1000 - BED_FADE_SECONDS).toFixed(3);
	return [
		...voices,
		`${voiceSum},asplit=2[voice][key]`,
		`[${bed}:a]aresample=48000,aformat=channel_layouts=stereo,atrim=0:${duration},volume=${BED_GAIN_DB}dB,` +
			`afade=t=in:d=${BED_FADE_SECONDS},afade=t=out:st=${fadeOut}:d=${BED_FADE_SECONDS}[bed]`,
		'[bed][key]sidechaincompress=threshold=0.01:ratio=6:attack=40:release=600:makeup=1[ducked]',
		`[voice][ducked]amix=inputs=2:normalize=0,${loudnorm}[out]`,
	].join(';');
};

interface LoudnormMeasure {
	readonly input_i: string;
	readonly input_tp: string;
	readonly input_lra: string;
	readonly input_thresh: string;
	readonly target_offset: string;
}

/**
 * Mixes the narration track of a video: the voice clips at their times over the music bed (looped, ducked, faded),
 * at −16 LUFS and at most −1 dBTP, 48 kHz stereo; AAC when `outFile` ends in .m4a or .aac, else 16-bit WAV. Two
 * loudnorm passes (measure, then apply linearly) land on the target rather than near it.
 */
export const mixNarrationTrack = async ({
	segments,
	durationMs,
	bedFile,
	outFile,
	ffmpeg = 'ffmpeg',
}: {
	segments: readonly TimedSegment[];
	durationMs: number;
	/** A bed to loop under the voice (see musicBedWav), or none. */
	bedFile?: string | undefined;
	outFile: string;
	ffmpeg?: string;
}): Promise<string> => {
	const inputs = [
		...segments.flatMap((segment) => ['-i', segment.file]),
		...(bedFile ? ['-stream_loop', '-1', '-i', bedFile] : []),
	];
	const target = `I=${LOUDNESS.integrated}:TP=${LOUDNESS.truePeak}:LRA=${LOUDNESS.range}`;
	const graph = (loudnorm: string) => filterGraph({segments, durationMs, hasBed: bedFile !== undefined, loudnorm});
	try {
		const {stderr} = await run(ffmpeg, ['-hide_banner', '-nostats', ...inputs, '-filter_complex', graph(`loudnorm=${target}:print_format=json`), '-map', '[out]', '-f', 'null', '-'], {
			maxBuffer: 16 * 1024 * 1024,
		});
		const json = /\{[^{}]*"input_i"[^{}]*\}/s.exec(stderr)?.[0];
		if (!json) throw new AudioMixError('loudnorm printed no measurement');
		const measured = JSON.parse(json) as LoudnormMeasure;
		const apply =
			`loudnorm=${target}:measured_I=${measured.input_i}:measured_TP=${measured.input_tp}:measured_LRA=${measured.input_lra}:` +
			`measured_thresh=${measured.input_thresh}:offset=${measured.target_offset}:linear=true,aresample=48000`;
		const codec = ['.m4a', '.aac'].includes(extname(outFile)) ? ['-c:a', 'aac', '-b:a', '160k'] : ['-c:a', 'pcm_s16le'];
		await mkdir(dirname(outFile), {recursive: true});
		await run(ffmpeg, ['-hide_banner', '-nostats', '-y', ...inputs, '-filter_complex', graph(apply), '-map', '[out]', '-ar', '48000', '-ac', '2', ...codec, outFile], {
			maxBuffer: 16 * 1024 * 1024,
		});
		return outFile;
	} catch (error) {
		if (error instanceof AudioMixError) throw error;
		const err = error as {code?: string; stderr?: string; message: string};
		if (err.code === 'ENOENT') throw new AudioMixError(`${ffmpeg} is not installed (Debian package ffmpeg)`);
		throw new AudioMixError(err.stderr?.trim().split('\n').slice(-3).join(' ') ?? err.message);
	}
};
