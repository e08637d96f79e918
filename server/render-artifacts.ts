import {writeFile} from 'node:fs/promises';
import type {Timeline} from '../src/timeline';
import {artifactPath} from './render-paths';

/** The files written beside each finished video, all from the same timeline the video was rendered from. */
export const writeRenderArtifacts = async ({
	rendersDir,
	renderId,
	timeline,
}: {
	rendersDir: string;
	renderId: string;
	timeline: Timeline;
}): Promise<void> => {
	const manifest = {
		fps: timeline.fps,
		width: timeline.width,
		height: timeline.height,
		durationInFrames: timeline.durationInFrames,
		hotspots: timeline.hotspots,
	};
	await writeFile(artifactPath(rendersDir, renderId, 'hotspots'), JSON.stringify(manifest, null, 2));
};
