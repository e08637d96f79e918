import type {SceneId} from '../scene-ids';

/** When one sentence is said, in milliseconds from the start of its scene's speech. */
export interface SentenceTiming {
	readonly text: string;
	readonly startMs: number;
	readonly endMs: number;
}

/** What synthesis measured for a scene: the input the timeline sizes the scene by and cues captions with. */
export interface SceneSpeech {
	readonly sceneId: SceneId;
	readonly durationMs: number;
	readonly sentences: readonly SentenceTiming[];
}

/**
 * A speaking video's sound: the mixed track (a URL the player can load; the renderer muxes the same file itself) and
 * the measured speech the timeline is sized by.
 */
export type VideoNarration = {
	readonly audioSrc: string;
	readonly speech: readonly SceneSpeech[];
};

/** The voice starts this long after its scene does, once the entrance has caught the eye. */
export const SPEECH_LEAD_IN_MS = 400;
/** Quiet after the last sentence before the scene may cut: a breath, and room for the fade. */
export const SPEECH_TAIL_MS = 700;

/** The shortest a scene may be so its speech fits with its lead-in and tail (a timeline keeps longer scenes as they are). */
export const secondsForSpeech = (speech: Pick<SceneSpeech, 'durationMs'>): number =>
	speech.durationMs === 0 ? 0 : (SPEECH_LEAD_IN_MS + speech.durationMs + SPEECH_TAIL_MS) / 1000;

/** A scene's sentences on the video's clock (ms), for caption cues and audio checks. */
export const sentencesOnVideoClock = (speech: SceneSpeech, sceneStartMs: number): SentenceTiming[] =>
	speech.sentences.map((sentence) => ({
		text: sentence.text,
		startMs: sceneStartMs + SPEECH_LEAD_IN_MS + sentence.startMs,
		endMs: sceneStartMs + SPEECH_LEAD_IN_MS + sentence.endMs,
	}));
