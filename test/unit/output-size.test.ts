import {describe, expect, it} from 'vitest';
import {formatSizes, videoFormats} from '../../src/formats';
import {evenScaledSize} from '../../server/worker/output-size';

describe('the MP4 size at a scale', () => {
	// Math.round(1280 × 0.56) gave 717×403, which libx264 refused after three attempts.
	it('is even on both sides, and at most the drawn frame, for every scale the request schema allows', () => {
		const scales = Array.from({length: 1901}, (_, i) => 0.1 + i / 1000).concat([0.33333, 0.56, 1 / 3, 2 / 3]);
		const bad = videoFormats.flatMap((format) =>
			scales.flatMap((scale) => {
				const drawn = {width: Math.round(formatSizes[format].width * scale), height: Math.round(formatSizes[format].height * scale)};
				const {width, height} = evenScaledSize(formatSizes[format], scale);
				const fine = width % 2 === 0 && height % 2 === 0 && width > 0 && height > 0 && drawn.width - width <= 1 && drawn.height - height <= 1;
				return fine ? [] : [`${format} × ${scale}: ${width}×${height}`];
			}),
		);
		expect(bad).toEqual([]);
	});

	it('keeps a size that is already even', () => {
		expect(evenScaledSize(formatSizes.landscape, 0.5)).toEqual({width: 640, height: 360});
		expect(evenScaledSize(formatSizes.landscape, 0.56)).toEqual({width: 716, height: 402});
	});
});
