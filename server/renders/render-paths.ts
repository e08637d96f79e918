import {join} from 'node:path';

/** Every file a render leaves in its folder, beside the video. */
export const ARTIFACT_FILES = {
	video: 'video.mp4',
	/** The timeline's hotspots, for the MP4 player mode. */
	hotspots: 'hotspots.json',
	/** WebVTT subtitles: the words each scene shows, timed by the timeline. */
	captions: 'captions.vtt',
	/** WebVTT chapters: one per scene. */
	chapters: 'chapters.vtt',
	/** The captions as plain text, by chapter. */
	transcript: 'transcript.txt',
	/** The key frame as a still for emails and previews. */
	poster: 'poster.jpg',
	/** The narration and music bed as mixed for the MP4 (AAC), which the live player plays too; only when the video speaks. */
	narration: 'narration.m4a',
} as const;

export type ArtifactName = keyof typeof ARTIFACT_FILES;

/** An artifact's key in render storage; the local folder keeps it at the same relative path. */
export const artifactKey = (id: string, artifact: ArtifactName): string => `${id}/${ARTIFACT_FILES[artifact]}`;

/** What each artifact is, for whoever serves or uploads it. */
export const ARTIFACT_TYPES: Record<ArtifactName, string> = {
	video: 'video/mp4',
	hotspots: 'application/json',
	captions: 'text/vtt',
	chapters: 'text/vtt',
	transcript: 'text/plain; charset=utf-8',
	poster: 'image/jpeg',
	narration: 'audio/mp4',
};

export const artifactPath = (rendersDir: string, id: string, artifact: ArtifactName): string =>
	join(rendersDir, id, ARTIFACT_FILES[artifact]);
export const videoPath = (rendersDir: string, id: string): string => artifactPath(rendersDir, id, 'video');
