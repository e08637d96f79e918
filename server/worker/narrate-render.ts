import {createWriteStream} from 'node:fs';
import {copyFile, mkdir, rm} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {pipeline} from 'node:stream/promises';
import {narrationOf, type VideoNarration} from '../../src/narration';
import {timelineFor, type RenderRequestInput} from '../../src/render-input';
import {ARTIFACT_FILES, ARTIFACT_TYPES, artifactKey, artifactPath} from '../renders/render-paths';
import type {SpeechEngine} from '../voice/engine';
import {makeMusicBedStore, musicBedSource} from '../voice/music-bed-store';
import {speakNarration} from '../voice/narrate';
import type {NarrationConfig} from '../voice/narration-config';
import {narrationTrack} from '../voice/narration-track';
import type {SpeechCache} from '../voice/speech-cache';
import type {RenderStore} from '../renders/render-store';
import type {RedisClient} from '../platform/redis-connection';
import type {RenderStorage} from '../storage/render-storage';
import {makeWorkDir} from '../storage/work-dirs';

/** What the synthesis step hands the render: nothing for a silent video, else the props' narration and its track. */
export type NarratedRender =
	| {readonly status: 'silent'}
	| {readonly status: 'spoken'; readonly narration: VideoNarration; readonly trackFile: string; readonly synthesisMs: number};

/**
 * The synthesis step before a render: the bill's narration said in the tenant's voice (sentences shared by other bills
 * come from the cache), the timeline sized by the measured speech, and the voice mixed over the music bed into the AAC
 * track the encoder muxes into the MP4 and the player plays: stored at once (the watch page speaks from then on) and
 * left in `workDir`, laid out as the renders folder is, for a render on this machine.
 */
export const narrateRender = async ({
	request,
	config,
	storage,
	workDir: outDir,
	renderId,
	cache,
	engines,
}: {
	/** The render's bill and the tenant it belongs to, whose uploaded music bed it may play over. */
	request: RenderRequestInput & {readonly tenant: string};
	/** The tenant's narration; none means today's silent video. */
	config: NarrationConfig | undefined;
	storage: RenderStorage;
	workDir: string;
	renderId: string;
	cache: SpeechCache;
	engines?: readonly SpeechEngine[];
}): Promise<NarratedRender> => {
	if (!config || config.status === 'off') return {status: 'silent'};
	const started = performance.now();
	const workDir = await makeWorkDir('narration');
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
		// Looked up now, not when the render was queued: a bed uploaded meanwhile is the one this narration plays over.
		const musicBed = await musicBedSource({config, tenant: request.tenant, beds: makeMusicBedStore({storage})});
		const trackFile = await narrationTrack({
			spoken: spoken.scenes,
			timeline: timelineFor({...request, narration: narrated}),
			musicBed,
			workDir,
			outFile: join(workDir, ARTIFACT_FILES.narration),
		});
		const local = artifactPath(outDir, renderId, 'narration');
		await mkdir(dirname(local), {recursive: true});
		await copyFile(trackFile, local);
		await storage.putFile(artifactKey(renderId, 'narration'), local, ARTIFACT_TYPES.narration);
		return {status: 'spoken', narration: narrated, trackFile: local, synthesisMs: performance.now() - started};
	} finally {
		await rm(workDir, {recursive: true, force: true});
	}
};

/**
 * The synthesis lock lives this long unless its holder renews it, which it does every third of it while it works: a
 * worker killed mid-synthesis holds up the render that waits for its narration (taken up by another worker) for at
 * most this long, not for the length of any synthesis.
 */
const LOCK_MS = 6_000;
const POLL_MS = 100;

export const narrationOnce = async ({
	redis,
	store,
	lockMs = LOCK_MS,
	...narrate
}: Parameters<typeof narrateRender>[0] & {redis: RedisClient; store: RenderStore; lockMs?: number}): Promise<NarratedRender> => {
	if (!narrate.config || narrate.config.status === 'off') return {status: 'silent'};
	const lock = `${store.keyOf(narrate.renderId)}:narrating`;
	const key = artifactKey(narrate.renderId, 'narration');
	const trackFile = artifactPath(narrate.workDir, narrate.renderId, 'narration');
	const done = async (): Promise<NarratedRender | undefined> => {
		const speech = await store.getSpeech(narrate.renderId);
		const stored = speech ? await narrate.storage.read(key) : undefined;
		if (!speech || !stored) return undefined;
		await mkdir(dirname(trackFile), {recursive: true});
		await pipeline(stored, createWriteStream(trackFile));
		return {status: 'spoken', narration: {audioSrc: ARTIFACT_FILES.narration, speech}, trackFile, synthesisMs: 0};
	};
	for (;;) {
		const found = await done();
		if (found) return found;
		if ((await redis.set(lock, String(process.pid), 'PX', lockMs, 'NX')) === 'OK') break;
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
	// A renewal lost while Redis is away costs at most a second synthesis of the same speech, never a wrong one.
	const renewal = setInterval(() => void redis.pexpire(lock, lockMs).catch(() => undefined), lockMs / 3);
	try {
		const made = await narrateRender(narrate);
		if (made.status === 'spoken') await store.setSpeech(narrate.renderId, made.narration.speech);
		return made;
	} finally {
		clearInterval(renewal);
		await redis.del(lock);
	}
};
