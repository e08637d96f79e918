import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {SPEECH_LEAD_IN_MS} from '../../src/narration';
import type {SceneId} from '../../src/scene-ids';
import {mixNarrationTrack, type TimedSegment} from './mix';
import {musicBedWav, type MusicBedSource} from './music-bed';
import type {SpokenScene} from './narrate';

/** Each scene's speech placed at its scene's start plus the lead-in, on the timeline's clock. */
const narrationSegments = ({
	spoken,
	scenes,
	fps,
}: {
	spoken: readonly SpokenScene[];
	scenes: ReadonlyArray<{readonly id: SceneId; readonly from: number}>;
	fps: number;
}): TimedSegment[] =>
	spoken.flatMap((speech) => {
		const scene = scenes.find((candidate) => candidate.id === speech.sceneId);
		if (!scene || !speech.wavFile) return [];
		return [{file: speech.wavFile, startMs: (scene.from / fps) * 1000 + SPEECH_LEAD_IN_MS}];
	});

/**
 * The video's sound as one file: every scene's speech at its place in the timeline over the tenant's music bed (the
 * generated one, the tenant's upload, or none), the length of the video. The composition plays it with Remotion's <Audio>.
 */
export const narrationTrack = async ({
	spoken,
	timeline,
	musicBed,
	workDir,
	outFile,
}: {
	spoken: readonly SpokenScene[];
	timeline: {
		readonly fps: number;
		readonly durationInFrames: number;
		readonly scenes: ReadonlyArray<{readonly id: SceneId; readonly from: number}>;
	};
	musicBed: MusicBedSource;
	workDir: string;
	outFile: string;
}): Promise<string> => {
	let bedFile: string | undefined;
	if (musicBed.status === 'uploaded') bedFile = musicBed.file;
	if (musicBed.status === 'generated') {
		bedFile = join(workDir, 'music-bed.wav');
		await writeFile(bedFile, musicBedWav());
	}
	return mixNarrationTrack({
		segments: narrationSegments({spoken, scenes: timeline.scenes, fps: timeline.fps}),
		durationMs: (timeline.durationInFrames / timeline.fps) * 1000,
		bedFile,
		outFile,
	});
};
