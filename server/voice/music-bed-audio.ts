import {execFile} from 'node:child_process';
import {ownGroupSpawnOptions} from '../platform/processes';
import {readFile, rm, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {z} from 'zod';
import {MusicBedProcessingError, MusicBedRejectedError} from './music-bed-errors';
import {BED_LOUDNESS_LUFS, BED_SAMPLE_RATE} from './music-bed';
import {parseEbur128Summary} from './mix';
import {readWav} from './wav';
import {makeWorkDir} from '../storage/work-dirs';

const run = promisify(execFile);

export const MUSIC_BED_LIMITS = {
	maxBytes: 20 * 1024 * 1024,
	/** Shorter than this, the loop under a video would be heard repeating. */
	minSeconds: 2,
	/** A song is welcome; anything much longer is not meant as a bed. */
	maxSeconds: 600,
	/** What is kept of a longer bed: more than the longest video, so a bed never loops within one. */
	keptSeconds: 120,
} as const;

export const MUSIC_BED_LIMIT_TEXT = `${MUSIC_BED_LIMITS.maxBytes / 1024 / 1024} MiB`;

/** What the upload reads, with the names browsers and tools commonly give the same files. */
export const MUSIC_BED_TYPES = [
	'audio/wav',
	'audio/x-wav',
	'audio/wave',
	'audio/mpeg',
	'audio/mp4',
	'audio/x-m4a',
	'audio/aac',
	'audio/x-aac',
	'audio/ogg',
	'audio/flac',
	'audio/x-flac',
] as const;

/**
 * The demuxers of those types and no other: left to probe, ffmpeg also reads playlists (HLS, concat) that name other
 * files, which a tenant's bytes must never make the API open.
 */
const INPUT_GUARD = ['-format_whitelist', 'wav,mp3,mov,aac,ogg,flac', '-protocol_whitelist', 'file'];

/** True-peak ceiling of a stored bed: room for the level the mix adds before its own limiter. */
const BED_PEAK_DBFS = -2;
/** An integrated loudness this low is the meter's floor: nothing in the file is louder than the absolute gate. */
const SILENT_LUFS = -70;

const probeSchema = z.object({
	streams: z.array(z.object({codec_type: z.string()})).default([]),
	format: z.object({duration: z.coerce.number().optional()}).optional(),
});

const limitsText = `a bed may be ${MUSIC_BED_LIMITS.minSeconds}–${MUSIC_BED_LIMITS.maxSeconds} s long (the first ${MUSIC_BED_LIMITS.keptSeconds} s are kept)`;
const NOT_AUDIO = 'is not audio billcast can read: send WAV, MP3, AAC (MP4/M4A or ADTS), Ogg (Vorbis or Opus) or FLAC';

/** Runs ffmpeg or ffprobe; a failure is the upload's fault (422) unless the program itself is missing. */
const tool = async (program: string, args: readonly string[]): Promise<{stdout: string; stderr: string}> => {
	try {
		// In a group of its own: a terminal's Ctrl-C meant for the API, which finishes the upload under way, would end it and
		// the upload would be refused as unreadable.
		return await run(program, args, {maxBuffer: 64 * 1024 * 1024, timeout: 120_000, ...ownGroupSpawnOptions()});
	} catch (error) {
		const err = error as {code?: string; killed?: boolean};
		if (err.code === 'ENOENT') throw new MusicBedProcessingError(`${program} is not installed (Debian package ffmpeg)`);
		if (err.killed) throw new MusicBedProcessingError(`${program} took longer than two minutes`);
		throw new MusicBedRejectedError(NOT_AUDIO);
	}
};

/**
 * Checks that an upload is a bed by decoding it with ffmpeg, and makes it the one form every worker mixes: the first
 * `keptSeconds` of its first audio stream, 48 kHz stereo 16-bit WAV (which loops without the gap a lossy codec's
 * priming adds), brought to the generated bed's loudness with its peaks held under −2 dBTP. Bit-exact, so the same
 * upload gives the same bytes.
 */
export const normalizeMusicBed = async ({
	audio,
	ffmpeg = 'ffmpeg',
	ffprobe = 'ffprobe',
}: {
	audio: Buffer;
	ffmpeg?: string;
	ffprobe?: string;
}): Promise<{wav: Buffer; durationMs: number}> => {
	if (audio.length === 0) throw new MusicBedRejectedError('is empty: send the audio file as the body');
	const dir = await makeWorkDir('music-bed');
	try {
		const inFile = join(dir, 'upload');
		const outFile = join(dir, 'bed.wav');
		await writeFile(inFile, audio);
		const probed = probeSchema.safeParse(
			JSON.parse((await tool(ffprobe, ['-v', 'error', ...INPUT_GUARD, '-show_entries', 'stream=codec_type:format=duration', '-of', 'json', inFile])).stdout),
		);
		if (!probed.success || !probed.data.streams.some((stream) => stream.codec_type === 'audio')) throw new MusicBedRejectedError(NOT_AUDIO);
		const seconds = probed.data.format?.duration;
		if (seconds !== undefined && seconds > MUSIC_BED_LIMITS.maxSeconds) throw new MusicBedRejectedError(`is ${seconds.toFixed(1)} s long; ${limitsText}`);
		const decode = ['-hide_banner', '-nostats', '-t', String(MUSIC_BED_LIMITS.keptSeconds), ...INPUT_GUARD, '-i', inFile, '-map', '0:a:0'];
		const {integrated} = parseEbur128Summary((await tool(ffmpeg, [...decode, '-af', 'ebur128=peak=true', '-f', 'null', '-'])).stderr);
		if (!Number.isFinite(integrated) || integrated <= SILENT_LUFS) throw new MusicBedRejectedError('is silent: a bed needs something to hear');
		const ceiling = 10 ** (BED_PEAK_DBFS / 20);
		await tool(ffmpeg, [
			...decode,
			'-af',
			`volume=${(BED_LOUDNESS_LUFS - integrated).toFixed(2)}dB,alimiter=limit=${ceiling.toFixed(4)}:attack=5:release=50:level=false`,
			'-ar',
			String(BED_SAMPLE_RATE),
			'-ac',
			'2',
			'-c:a',
			'pcm_s16le',
			'-map_metadata',
			'-1',
			'-fflags',
			'+bitexact',
			'-flags:a',
			'+bitexact',
			'-y',
			outFile,
		]);
		const wav = await readFile(outFile);
		const {durationMs} = readWav(wav);
		if (durationMs < MUSIC_BED_LIMITS.minSeconds * 1000) throw new MusicBedRejectedError(`is ${(durationMs / 1000).toFixed(1)} s long; ${limitsText}`);
		return {wav, durationMs};
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
};
