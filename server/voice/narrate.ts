import {join} from 'node:path';
import {writtenLocale} from '../../src/i18n/catalogue';
import type {SceneNarration, SceneSpeech} from '../../src/narration';
import type {SpeechEngine} from './engine';
import {espeakNgEngine} from './espeak-ng';
import {festivalEngine} from './festival';
import {resolveVoice, type NarrationConfig} from './narration-config';
import type {SpeechCache} from './speech-cache';
import {cachedSentences, synthesize} from './synthesize';

/** The engines on this machine, best first: Festival's voices where it has one, espeak-ng for the rest (Korean). */
export const localEngines = (): SpeechEngine[] => [festivalEngine(), espeakNgEngine()];

/** A scene's measured speech (what the timeline needs) and the WAV that holds it (what the mix needs). */
export interface SpokenScene extends SceneSpeech {
	/** Absent when the scene has nothing to say. */
	readonly wavFile?: string;
}

export type SpokenNarration =
	| {readonly status: 'off'}
	| {readonly status: 'on'; readonly engine: string; readonly voice: string; readonly scenes: readonly SpokenScene[]};

/**
 * The synthesis step before a render: each scene's sentences in the tenant's (or the best installed) voice, one WAV a
 * scene with its measured sentence timings, for the timeline to size scenes and cue captions by.
 */
export const speakNarration = async ({
	narration,
	locale,
	config,
	cache,
	outDir,
	engines = localEngines(),
}: {
	narration: readonly SceneNarration[];
	locale: string;
	config: NarrationConfig;
	cache: SpeechCache;
	outDir: string;
	engines?: readonly SpeechEngine[];
}): Promise<SpokenNarration> => {
	if (config.status === 'off') return {status: 'off'};
	// The voice speaks the language the words are in: English for a customer whose language billcast has no words for.
	const spokenLocale = writtenLocale(locale);
	const voice = resolveVoice({locale: spokenLocale, choices: config.voices, engines});
	// Every scene's sentences through the engine first (one call per core); each scene's WAV is then assembled from the cache.
	await cachedSentences({sentences: narration.flatMap((scene) => scene.sentences), locale: spokenLocale, voice, cache});
	const scenes: SpokenScene[] = [];
	for (const scene of narration) {
		if (scene.sentences.length === 0) {
			scenes.push({sceneId: scene.sceneId, durationMs: 0, sentences: []});
			continue;
		}
		const utterance = await synthesize({sentences: scene.sentences, locale: spokenLocale, voice, cache, outFile: join(outDir, `voice-${scene.sceneId}.wav`)});
		scenes.push({sceneId: scene.sceneId, wavFile: utterance.wavFile, durationMs: utterance.durationMs, sentences: utterance.sentences});
	}
	return {status: 'on', engine: voice.engine.id, voice: voice.voice, scenes};
};
