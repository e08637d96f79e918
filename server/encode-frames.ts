import {spawn} from 'node:child_process';
import {mkdir, symlink} from 'node:fs/promises';
import {join} from 'node:path';
import {compositorBinary} from './compositor-binaries';

export interface EncodeOptions {
	/** Folder holding the drawn frames, named like Remotion names them (`element-007.jpeg`). */
	readonly framesDir: string;
	readonly framePattern: (frame: number) => string;
	/** For every output frame, the drawn frame it shows. */
	readonly sources: readonly number[];
	readonly fps: number;
	readonly outputFile: string;
	readonly crf: number;
	readonly x264Preset: string;
}

/**
 * Encodes an H.264 MP4 in which every output frame is one drawn image: repeated frames are symlinks, so a static hold
 * costs one drawing, and x264 turns the repeats into near-empty frames.
 */
export const encodeFrames = async ({
	framesDir,
	framePattern,
	sources,
	fps,
	outputFile,
	crf,
	x264Preset,
}: EncodeOptions): Promise<void> => {
	const sequenceDir = join(framesDir, 'sequence');
	await mkdir(sequenceDir);
	await Promise.all(
		sources.map((source, index) =>
			symlink(join(framesDir, framePattern(source)), join(sequenceDir, `${String(index).padStart(6, '0')}.jpeg`)),
		),
	);
	const args = [
		'-hide_banner',
		'-loglevel',
		'error',
		'-y',
		'-framerate',
		String(fps),
		'-i',
		join(sequenceDir, '%06d.jpeg'),
		'-c:v',
		'libx264',
		'-preset',
		x264Preset,
		'-crf',
		String(crf),
		'-pix_fmt',
		'yuv420p',
		'-movflags',
		'+faststart',
		'-f',
		'mp4',
		outputFile,
	];
	await new Promise<void>((resolve, reject) => {
		const ffmpeg = spawn(compositorBinary('ffmpeg'), args, {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		ffmpeg.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		ffmpeg.once('error', reject);
		ffmpeg.once('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`ffmpeg exited with code ${code}: ${stderr.trim().slice(-500)}`)),
		);
	});
};
