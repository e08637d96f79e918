import type {Size} from '../../src/formats';

/**
 * The MP4's size at a render's scale. Chromium draws the frame at the scaled size rounded to whole pixels, and H.264's
 * 4:2:0 colour needs both sides even: 1280×720 at 0.56 draws 717×403, which libx264 refuses. So each side is the drawn
 * one rounded down to even, and the encoder crops the frame's last row or column (under a design pixel) to it.
 */
export const evenScaledSize = ({width, height}: Size, scale: number): Size => ({
	width: 2 * Math.floor(Math.round(width * scale) / 2),
	height: 2 * Math.floor(Math.round(height * scale) / 2),
});
