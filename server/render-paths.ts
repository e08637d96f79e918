import {join} from 'node:path';

/** Every file a render leaves in its folder, beside the video. */
export const ARTIFACT_FILES = {
	video: 'video.mp4',
	/** The timeline's hotspots, for the MP4 player mode. */
	hotspots: 'hotspots.json',
	/** WebVTT captions, when the render wrote them. */
	captions: 'captions.vtt',
} as const;

export const renderDir = (rendersDir: string, id: string): string => join(rendersDir, id);
export const artifactPath = (rendersDir: string, id: string, artifact: keyof typeof ARTIFACT_FILES): string =>
	join(rendersDir, id, ARTIFACT_FILES[artifact]);
export const videoPath = (rendersDir: string, id: string): string => artifactPath(rendersDir, id, 'video');
