/** Output shapes. Each template lays itself out for the shape; nothing is a scaled copy of another. */
export const videoFormats = ['landscape', 'portrait', 'square'] as const;
export type VideoFormat = (typeof videoFormats)[number];

export interface Size {
	readonly width: number;
	readonly height: number;
}

export const formatSizes: Record<VideoFormat, Size> = {
	landscape: {width: 1280, height: 720},
	portrait: {width: 1080, height: 1920},
	square: {width: 1080, height: 1080},
};

export const FPS = 30;
