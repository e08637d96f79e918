import {spawn} from 'node:child_process';
import {stat} from 'node:fs/promises';
import {setPriority} from 'node:os';
import type {Size} from '../../src/formats';
import {ownGroupSpawnOptions} from '../platform/processes';
import {compositorBinary} from './compositor-binaries';

export interface StreamEncoderOptions {
	/** For every output frame, the drawn frame it shows. */
	readonly sources: readonly number[];
	readonly fps: number;
	/** The video's size, even on both sides; a drawn frame a pixel larger is cropped to it (see evenScaledSize). */
	readonly size: Size;
	readonly outputFile: string;
	readonly crf: number;
	readonly x264Preset: string;
	readonly x264Params: string;
	/** A finished AAC track (the narration) copied in beside the video, already the video's length. */
	readonly audioFile?: string | undefined;
}

export interface StreamEncoder {
	/** Takes a drawn JPEG frame in any order; it is written once every output frame before it has been written. */
	addFrame(buffer: Buffer, frame: number): Promise<void>;
	/** Resolves when the MP4 is complete; rejects if a frame is missing or ffmpeg failed. */
	finish(): Promise<void>;
	/** Stops ffmpeg after a failed drawing, leaving a partial file for the caller to delete. */
	abort(): void;
}

/** Past this much unwritten JPEG data, drawing waits for ffmpeg, so a slow encoder cannot fill the worker's memory. */
const HIGH_WATER_BYTES = 32 * 1024 * 1024;

/**
 * Encodes an H.264 MP4 while the frames are still being drawn: ffmpeg reads JPEGs from a pipe, so encoding runs in the
 * idle time drawing leaves on the CPU instead of after it. Frames arrive out of order from several browser tabs and are
 * written in output order; a drawn frame that a static hold repeats is written once per output frame and released after
 * its last use. ffmpeg runs at a lower priority so drawing, the slower half, never waits for it.
 */
export const startStreamEncoder = ({sources, fps, size, outputFile, crf, x264Preset, x264Params, audioFile}: StreamEncoderOptions): StreamEncoder => {
	// In the worker's group, a terminal's Ctrl-C stopped the encoding of the render the worker was finishing
	// (render_failed). Only the worker ends it: by closing stdin, which a killed worker's exit does too, or by abort().
	const ffmpeg = spawn(
		compositorBinary('ffmpeg'),
		[
			'-hide_banner', '-loglevel', 'error', '-y',
			'-f', 'image2pipe', '-c:v', 'mjpeg', '-framerate', String(fps), '-i', 'pipe:0',
			...(audioFile ? ['-i', audioFile, '-map', '0:v', '-map', '1:a', '-c:a', 'copy'] : []),
			'-vf', `crop=${size.width}:${size.height}:0:0`,
			'-c:v', 'libx264', '-preset', x264Preset, '-x264-params', x264Params, '-crf', String(crf), '-pix_fmt', 'yuv420p',
			'-movflags', '+faststart', '-f', 'mp4', outputFile,
		],
		{stdio: ['pipe', 'ignore', 'pipe'], ...ownGroupSpawnOptions()},
	);
	if (ffmpeg.pid !== undefined) setPriority(ffmpeg.pid, 10);
	let stderr = '';
	ffmpeg.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const exited = new Promise<void>((resolve, reject) => {
		ffmpeg.once('error', reject);
		ffmpeg.once('exit', (code, signal) =>
			code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${signal ?? `code ${code}`}: ${stderr.trim().slice(-500)}`)),
		);
	});
	// An early ffmpeg exit surfaces through `exited`; the broken pipe it causes says nothing more.
	ffmpeg.stdin.on('error', () => undefined);
	exited.catch(() => undefined);

	const usesLeft = new Map<number, number>();
	for (const source of sources) usesLeft.set(source, (usesLeft.get(source) ?? 0) + 1);
	const drawn = new Map<number, Buffer>();
	let next = 0;

	return {
		async addFrame(buffer, frame) {
			drawn.set(frame, buffer);
			for (let source = sources[next]; source !== undefined && drawn.has(source); source = sources[next]) {
				ffmpeg.stdin.write(drawn.get(source));
				const left = usesLeft.get(source)! - 1;
				usesLeft.set(source, left);
				if (left === 0) drawn.delete(source);
				next++;
			}
			if (ffmpeg.stdin.writableLength > HIGH_WATER_BYTES) {
				await Promise.race([new Promise((resolve) => ffmpeg.stdin.once('drain', resolve)), exited]);
			}
		},
		async finish() {
			if (next < sources.length) {
				ffmpeg.kill('SIGKILL');
				throw new Error(`frame ${sources[next]} was never drawn; ${sources.length - next} output frames missing`);
			}
			ffmpeg.stdin.end();
			await exited;
			// ffmpeg signalled while opening its inputs ends with 0 and "Immediate exit requested", having written nothing.
			if (!(await stat(outputFile).catch(() => undefined))?.size) throw new Error(`ffmpeg exited without writing the video: ${stderr.trim().slice(-500)}`);
		},
		abort() {
			ffmpeg.kill('SIGKILL');
		},
	};
};
