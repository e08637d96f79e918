import {execFileSync} from 'node:child_process';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';

const require = createRequire(import.meta.url);

/** ffmpeg and ffprobe ship inside Remotion's compositor package; no system ffmpeg is needed. */
export const compositorBinary = (name: 'ffmpeg' | 'ffprobe'): string =>
	join(dirname(require.resolve('@remotion/compositor-linux-x64-gnu/package.json')), name);

export interface ProbedStream {
	codec_name: string;
	width: number;
	height: number;
	nb_frames?: string;
	r_frame_rate: string;
}

export const ffprobe = (file: string): {streams: ProbedStream[]; format: {duration: string; size: string}} =>
	JSON.parse(
		execFileSync(compositorBinary('ffprobe'), ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], {
			encoding: 'utf8',
		}),
	);
