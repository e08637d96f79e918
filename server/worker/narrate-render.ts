import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {narrationOf, type VideoNarration} from '../../src/narration';
import {timelineFor, type RenderRequestInput} from '../../src/render-input';
import {ARTIFACT_FILES, artifactPath} from '../renders/render-paths';
import type {SpeechEngine} from '../voice/engine';
import {speakNarration} from '../voice/narrate';
import type {NarrationConfig} from '../voice/narration-config';
import {narrationTrack} from '../voice/narration-track';
import type {SpeechCache} from '../voice/speech-cache';

/** What the synthesis step hands the render: nothing for a silent video, else the props' narration and its track. */
export type NarratedRender =
	| {readonly status: 'silent'}
	| {readonly status: 'spoken'; readonly narration: VideoNarration; readonly trackFile: string; readonly synthesisMs: number};

/**
 * The synthesis step before a render: the bill's narration said in the tenant's voice (sentences shared by other bills
 * come from the cache), the timeline sized by the measured speech, and the voice mixed over the music bed into the
 * render's folder as the AAC track the encoder muxes into the MP4 and the player plays.
 */
export const narrateRender = async ({
	request,
	config,
	rendersDir,
	renderId,
	cache,
	engines,
}: {
	request: RenderRequestInput;
	/** The tenant's narration; none means today's silent video. */
	config: NarrationConfig | undefined;
	rendersDir: string;
	renderId: string;
	cache: SpeechCache;
	engines?: readonly SpeechEngine[];
}): Promise<NarratedRender> => {
	if (!config || config.status === 'off') return {status: 'silent'};
	const started = performance.now();
	const workDir = await mkdtemp(join(tmpdir(), 'billcast-narration-'));
	try {
		const narration = narrationOf(request, timelineFor({...request, narration: undefined}).scenes);
		const spoken = await speakNarration({
			narration,
			locale: request.bill.customer.locale,
			config,
			cache,
			outDir: workDir,
			...(engines ? {engines} : {}),
		});
		if (spoken.status === 'off') return {status: 'silent'};
		const speech = spoken.scenes.map(({sceneId, durationMs, sentences}) => ({sceneId, durationMs, sentences}));
		const narrated: VideoNarration = {audioSrc: ARTIFACT_FILES.narration, speech};
		const trackFile = await narrationTrack({
			spoken: spoken.scenes,
			timeline: timelineFor({...request, narration: narrated}),
			musicBed: config.musicBed,
			workDir,
			outFile: artifactPath(rendersDir, renderId, 'narration'),
		});
		return {status: 'spoken', narration: narrated, trackFile, synthesisMs: performance.now() - started};
	} finally {
		await rm(workDir, {recursive: true, force: true});
	}
};
