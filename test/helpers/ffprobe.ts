import {execFileSync} from 'node:child_process';
import {compositorBinary} from '../../server/worker/compositor-binaries';

export interface ProbedStream {
	codec_type: 'video' | 'audio';
	codec_name: string;
	width: number;
	height: number;
	nb_frames?: string;
	r_frame_rate: string;
	duration: string;
	sample_rate?: string;
	channels?: number;
}

export const ffprobe = (file: string): {streams: ProbedStream[]; format: {duration: string; size: string}} =>
	JSON.parse(
		execFileSync(compositorBinary('ffprobe'), ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], {
			encoding: 'utf8',
		}),
	);
