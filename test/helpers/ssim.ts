import {execFileSync} from 'node:child_process';
import {compositorBinary} from '../../server/worker/compositor-binaries';

/**
 * The given frames of a video as 8-bit grey images. Remotion's ffmpeg is built without the ssim and select filters
 * and the rawvideo muxer, so every frame is decoded to raw grey through image2pipe and compared in JavaScript.
 */
export const greyFrames = (file: string, frames: readonly number[], width: number, height: number): Buffer[] => {
	const raw = execFileSync(
		compositorBinary('ffmpeg'),
		['-v', 'error', '-i', file, '-c:v', 'rawvideo', '-pix_fmt', 'gray', '-f', 'image2pipe', '-'],
		{maxBuffer: 1 << 30},
	);
	const size = width * height;
	return frames.map((frame) => raw.subarray(frame * size, (frame + 1) * size));
};

const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;

/** Mean SSIM over 8×8 windows of two grey images of the same size. */
export const ssim = (a: Buffer, b: Buffer, width: number, height: number, window = 8): number => {
	let total = 0;
	let windows = 0;
	for (let y = 0; y + window <= height; y += window) {
		for (let x = 0; x + window <= width; x += window) {
			let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
			for (let dy = 0; dy < window; dy++) {
				for (let dx = 0; dx < window; dx++) {
					const i = (y + dy) * width + x + dx;
					const va = a[i]!;
					const vb = b[i]!;
					sa += va; sb += vb; saa += va * va; sbb += vb * vb; sab += va * vb;
				}
			}
			const n = window * window;
			const ma = sa / n, mb = sb / n;
			const va = saa / n - ma * ma, vb = sbb / n - mb * mb, cov = sab / n - ma * mb;
			total += ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
			windows++;
		}
	}
	return total / windows;
};
