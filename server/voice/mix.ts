import {execFile} from 'node:child_process';
import {ownGroupSpawnOptions} from '../platform/processes';
import {mkdir, rm} from 'node:fs/promises';
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
export const LOUDNESS = {integrated: -16, truePeak: -1.5} as const;

/** How far the bed sits under the voice before ducking, and how long it fades in and out. */
const BED_GAIN_DB = -22;
const BED_FADE_SECONDS = 1.5;

/**
 * Integrated loudness only: the gain is all the mix needs from it, and the limiter, not a measurement, holds the peaks
 * (the true-peak meter oversamples 4× and cost 40 % of the first pass).
 */
const METER = 'ebur128';

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * The filter graph: voice clips delayed to their start and summed, the bed looped, faded and ducked whenever the
 * voice speaks (sidechain compression keyed by the voice), then both summed and metered.
 */
const filterGraph = ({segments, durationMs, hasBed}: {segments: readonly TimedSegment[]; durationMs: number; hasBed: boolean}): string => {
	const duration = seconds(durationMs);
	const voices = segments.map(
		(segment, index) =>
			`[${index}:a]aresample=48000,pan=stereo|c0=c0|c1=c0,adelay=${Math.round(segment.startMs)}:all=1[v${index}]`,
	);
	const voiceSum =
		segments.length > 0
			? `${segments.map((_, index) => `[v${index}]`).join('')}amix=inputs=${segments.length}:normalize=0,apad,atrim=0:${duration}`
			: `anullsrc=r=48000:cl=stereo,atrim=0:${duration}`;
	if (!hasBed) return [...voices, `${voiceSum},${METER}[out]`].join(';');
	const bed = segments.length;
	const fadeOut = Math.max(0, durationMs / 1000 - BED_FADE_SECONDS).toFixed(3);
	return [
		...voices,
		`${voiceSum},asplit=2[voice][key]`,
		`[${bed}:a]aresample=48000,aformat=channel_layouts=stereo,atrim=0:${duration},volume=${BED_GAIN_DB}dB,` +
			`afade=t=in:d=${BED_FADE_SECONDS},afade=t=out:st=${fadeOut}:d=${BED_FADE_SECONDS}[bed]`,
		'[bed][key]sidechaincompress=threshold=0.01:ratio=6:attack=40:release=600:makeup=1[ducked]',
		`[voice][ducked]amix=inputs=2:normalize=0,${METER}[out]`,
	].join(';');
};

/** Integrated loudness and true peak from the summary ffmpeg's ebur128 meter prints at the end of a run. */
export const parseEbur128Summary = (stderr: string): {integrated: number; truePeak: number} => {
	const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
	const integrated = Number(/I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)?.[1]);
	const truePeak = Number(/Peak:\s+(-?[\d.]+|-inf) dBFS/.exec(summary)?.[1]?.replace('-inf', '-Infinity'));
	return {integrated, truePeak};
};

/** A sample-peak ceiling this far under the true-peak target leaves room for inter-sample peaks and AAC. */
const LIMITER_MARGIN_DB = 1;

/**
 * Mixes the narration track of a video: the voice clips at their times over the music bed (looped, ducked, faded),
 * at −16 LUFS and at most −1 dBTP, 48 kHz stereo; AAC when `outFile` ends in .m4a or .aac, else 16-bit WAV.
 * The graph runs once, into a float WAV beside the output while the meter reads it; the one gain that reaches the
 * target and a limiter holding the peaks are then applied to that WAV alone (on target like two loudnorm passes,
 * which resample to 192 kHz on both). AAC uses ffmpeg's fast coder at 128 kb/s: its default two-loop search cost five
 * times the CPU of the rest of the mix together (6.3 s against 1.2 s for a 64 s track) for a voice over soft chords,
 * and 160 kb/s a quarter more than 128.
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
	const graph = filterGraph({segments, durationMs, hasBed: bedFile !== undefined});
	await mkdir(dirname(outFile), {recursive: true});
	const unlevelled = `${outFile}.unlevelled.wav`;
	try {
		const measure = await run(ffmpeg, ['-hide_banner', '-nostats', '-y', ...inputs, '-filter_complex', graph, '-map', '[out]', '-c:a', 'pcm_f32le', unlevelled], {
			maxBuffer: 64 * 1024 * 1024,
			// A terminal's Ctrl-C meant for the worker, which finishes its narration, would otherwise end this ffmpeg too.
			...ownGroupSpawnOptions(),
		});
		const measured = parseEbur128Summary(measure.stderr);
		if (!Number.isFinite(measured.integrated)) throw new AudioMixError('the meter printed no loudness');
		// A silent track (no voice, no bed) has no loudness to reach; it stays silent.
		const gain = measured.integrated <= -70 ? 0 : LOUDNESS.integrated - measured.integrated;
		const ceiling = 10 ** ((LOUDNESS.truePeak - LIMITER_MARGIN_DB) / 20);
		const apply = `volume=${gain.toFixed(2)}dB,alimiter=limit=${ceiling.toFixed(4)}:attack=5:release=50:level=false,aresample=48000`;
		const codec = ['.m4a', '.aac'].includes(extname(outFile)) ? ['-c:a', 'aac', '-aac_coder', 'fast', '-b:a', '128k'] : ['-c:a', 'pcm_s16le'];
		await run(ffmpeg, ['-hide_banner', '-nostats', '-y', '-i', unlevelled, '-af', apply, '-ar', '48000', '-ac', '2', ...codec, outFile], {
			maxBuffer: 16 * 1024 * 1024,
			...ownGroupSpawnOptions(),
		});
		return outFile;
	} catch (error) {
		if (error instanceof AudioMixError) throw error;
		const err = error as {code?: string; stderr?: string; message: string};
		if (err.code === 'ENOENT') throw new AudioMixError(`${ffmpeg} is not installed (Debian package ffmpeg)`);
		throw new AudioMixError(err.stderr?.trim().split('\n').slice(-3).join(' ') ?? err.message);
	} finally {
		await rm(unlevelled, {force: true});
	}
};
