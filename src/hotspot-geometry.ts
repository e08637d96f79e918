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
export const payButtonRect = (format: VideoFormat, size: Size): Rect => {
	const width = format === 'landscape' ? Math.round(size.width * 0.34) : Math.round(size.width * 0.7);
	const height = format === 'landscape' ? Math.round(size.height * 0.13) : Math.round(size.width * 0.13);
	const centreY = format === 'landscape' ? size.height * 0.7 : size.height * 0.72;
	return {
		x: Math.round((size.width - width) / 2),
		y: Math.round(centreY - height / 2),
		width,
		height,
	};
};

/** A rectangle scaled from composition pixels to a displayed size (the player may be any size). */
export const scaleRect = (rect: Rect, factor: number): Rect => ({
	x: rect.x * factor,
	y: rect.y * factor,
	width: rect.width * factor,
	height: rect.height * factor,
});
