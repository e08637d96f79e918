import type {Size, VideoFormat} from './formats';

export interface Rect {
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
}

/**
 * Where the pay button sits, in composition pixels. The composition draws the button in exactly this rectangle and
 * the player overlay puts its clickable button over the same rectangle, so the two can never drift apart.
 */
const payButtonRect = (format: VideoFormat, size: Size): Rect => {
	const width = format === 'landscape' ? Math.round(size.width * 0.34) : Math.round(size.width * 0.7);
	const height = format === 'landscape' ? Math.round(size.height * 0.13) : Math.round(size.width * 0.13);
	const centreY = format === 'landscape' ? size.height * 0.62 : size.height * 0.72;
	return {
		x: Math.round((size.width - width) / 2),
		y: Math.round(centreY - height / 2),
		width,
		height,
	};
};

/**
 * Several calls to action at once (pay, instalments, call us): side by side in a row on landscape, stacked in a
 * column on portrait and square, always in the lower part of the frame and never overlapping.
 */
export const ctaRects = (format: VideoFormat, size: Size, count: number): Rect[] => {
	if (count <= 1) return count === 1 ? [payButtonRect(format, size)] : [];
	if (format === 'landscape') {
		const gap = Math.round(size.width * 0.025);
		const width = Math.round((size.width * 0.9 - gap * (count - 1)) / count);
		const height = Math.round(size.height * 0.13);
		const left = Math.round((size.width - (width * count + gap * (count - 1))) / 2);
		return Array.from({length: count}, (_, i) => ({x: left + i * (width + gap), y: Math.round(size.height * 0.585), width, height}));
	}
	const width = Math.round(size.width * 0.8);
	const height = Math.round(size.width * (format === 'square' ? 0.1 : 0.12));
	const gap = Math.round(height * 0.3);
	const bottom = format === 'square' ? size.height * 0.94 : size.height * 0.86;
	const top = Math.round(bottom - count * height - (count - 1) * gap);
	return Array.from({length: count}, (_, i) => ({x: Math.round((size.width - width) / 2), y: top + i * (height + gap), width, height}));
};

/** A rectangle scaled from composition pixels to a displayed size (the player may be any size). */
export const scaleRect = (rect: Rect, factor: number): Rect => ({
	x: rect.x * factor,
	y: rect.y * factor,
	width: rect.width * factor,
	height: rect.height * factor,
});
