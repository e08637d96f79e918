import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';

const require = createRequire(import.meta.url);

/** ffmpeg and ffprobe ship inside Remotion's compositor package; no system ffmpeg is needed. */
export const compositorBinary = (name: 'ffmpeg' | 'ffprobe'): string =>
	join(dirname(require.resolve('@remotion/compositor-linux-x64-gnu/package.json')), name);
