import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {narrationOf, type VideoNarration} from '../../src/narration';
import {timelineFor, type RenderRequestInput} from '../../src/render-input';
import {ARTIFACT_FILES, artifactPath} from '../renders/render-paths';
import type {SpeechEngine} from '../voice/engine';
import {speakNarration} from '../voice/narrate';
import type {NarrationConfig} from '../voice/narration-config';
import {narrationTrack} from '../voice/narration-track';
import type {SpeechCache} from '../voice/speech-cache';
import type {RenderStore} from '../renders/render-store';
import type {Redis} from 'ioredis';
import {writeWhole} from './render-video';

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
			outFile: join(workDir, ARTIFACT_FILES.narration),
		});
		const published = artifactPath(rendersDir, renderId, 'narration');
		// Ahead of the render, the render's folder may not exist yet.
		await mkdir(dirname(published), {recursive: true});
		await writeWhole(published, await readFile(trackFile));
		return {status: 'spoken', narration: narrated, trackFile: published, synthesisMs: performance.now() - started};
	} finally {
		await rm(workDir, {recursive: true, force: true});
	}
};

/** Longer than any synthesis: a lock whose holder died frees itself by then. */
const LOCK_MS = 120_000;
const POLL_MS = 100;

/**
 * A render's narration, made once whoever asks first: the narration worker ahead of the render, or the render itself
 * when it starts before that job is done (then it waits for it rather than synthesizing the same speech twice on the
 * same cores). The speech goes to the store and the track beside the video, so the watch data speaks from then on.
 */
export const narrationOnce = async ({
	redis,
	store,
	...narrate
}: Parameters<typeof narrateRender>[0] & {redis: Redis; store: RenderStore}): Promise<NarratedRender> => {
	if (!narrate.config || narrate.config.status === 'off') return {status: 'silent'};
	const lock = `${store.keyOf(narrate.renderId)}:narrating`;
	const trackFile = artifactPath(narrate.rendersDir, narrate.renderId, 'narration');
	const done = async (): Promise<NarratedRender | undefined> => {
		const speech = await store.getSpeech(narrate.renderId);
		return speech && existsSync(trackFile) ? {status: 'spoken', narration: {audioSrc: ARTIFACT_FILES.narration, speech}, trackFile, synthesisMs: 0} : undefined;
	};
	for (;;) {
		const found = await done();
		if (found) return found;
		if ((await redis.set(lock, String(process.pid), 'PX', LOCK_MS, 'NX')) === 'OK') break;
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
	try {
		const made = await narrateRender(narrate);
		if (made.status === 'spoken') await store.setSpeech(narrate.renderId, made.narration.speech);
		return made;
	} finally {
		await redis.del(lock);
	}
};
