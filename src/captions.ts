import {cueTexts, cueWeight, readingSeconds} from './reading-pace';
import {SPEECH_LEAD_IN_MS, type SceneSpeech} from './narration/speech-timing';
import type {SceneId} from './scene-ids';
import type {SceneScript} from './scripts/script-types';
import type {Timeline} from './timeline';

const timestamp = (frame: number, fps: number): string => {
	const ms = Math.round((frame / fps) * 1000);
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};

/**
 * Cue text as WebVTT reads it: `&` and `<` start escapes and tags (so a name like "<b>Ada</b>" would turn bold),
 * `>` is escaped to keep "-->" out of a cue, and a blank line would end the cue early.
 */
export const cueText = (text: string): string =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n\s*\n/g, '\n');

/** The text a cue shows: `cueText` undone, for a player that draws cues itself rather than through a <track>. */
export const cueTextShown = (vttText: string): string =>
	vttText.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');

export interface CaptionCue {
	readonly from: number;
	readonly to: number;
	readonly text: string;
}

/**
 * A cue per line of a scene's script (two short ones share a cue), the scene's time shared out by their lengths (the timeline gives each
 * scene the time its words need, so no cue goes faster than a person reads): captions say exactly what the scenes
 * show, from the same strings, and nothing else.
 */
export const captionCues = ({
	timeline,
	script,
	speech = [],
}: {
	timeline: Timeline;
	script: Partial<Record<SceneId, SceneScript>>;
	/** When the video speaks, a scene's cues run while its voice does (from the lead-in), slowed to reading pace if need be. */
	speech?: readonly SceneSpeech[];
}): CaptionCue[] =>
	timeline.scenes.flatMap((scene) => {
		const texts = cueTexts(script[scene.id]?.lines ?? []);
		const weight = texts.reduce((sum, text) => sum + cueWeight(text), 0);
		const said = speech.find((candidate) => candidate.sceneId === scene.id);
		const speaking = said ? Math.ceil((said.durationMs / 1000) * timeline.fps) : 0;
		const reading = Math.ceil(readingSeconds(script[scene.id]?.lines ?? []) * timeline.fps);
		// The lead-in gives way when the scene has no more room than its captions need to be read.
		const leadIn = speaking > 0 ? Math.max(0, Math.min(Math.round((SPEECH_LEAD_IN_MS / 1000) * timeline.fps), scene.durationInFrames - reading)) : 0;
		const span = speaking > 0 ? Math.min(scene.durationInFrames - leadIn, Math.max(speaking, reading)) : scene.durationInFrames;
		const perWeight = span / Math.max(1, weight);
		let start = leadIn;
		return texts.map((text) => {
			const end = start + cueWeight(text) * perWeight;
			const cue = {from: scene.from + Math.round(start), to: scene.from + Math.round(end), text};
			start = end;
			return cue;
		});
	});

const vtt = (cues: ReadonlyArray<{from: number; to: number; text: string}>, fps: number): string =>
	['WEBVTT', ...cues.map((cue, i) => `${i + 1}\n${timestamp(cue.from, fps)} --> ${timestamp(cue.to, fps)}\n${cueText(cue.text)}`)].join('\n\n') +
	'\n';

export interface CaptionFiles {
	readonly captions: string;
	readonly chapters: string;
	readonly transcript: string;
}

/** The captions, chapters and transcript of one video, from its timeline and the strings its scenes show. */
export const buildCaptionFiles = ({
	timeline,
	script,
	chapters,
	speech,
}: {
	timeline: Timeline;
	script: Partial<Record<SceneId, SceneScript>>;
	/** Each scene's chapter name in the bill's language: `chaptersOf` the bill's template. */
	chapters: Readonly<Record<SceneId, string>>;
	speech?: readonly SceneSpeech[];
}): CaptionFiles => {
	const chapterCues = timeline.scenes.map((scene) => ({from: scene.from, to: scene.from + scene.durationInFrames, text: chapters[scene.id]}));
	const transcript = timeline.scenes
		.map((scene) => [`[${chapters[scene.id]}]`, ...(script[scene.id]?.lines ?? [])].join('\n'))
		.join('\n\n');
	return {
		captions: vtt(captionCues({timeline, script, ...(speech ? {speech} : {})}), timeline.fps),
		chapters: vtt(chapterCues, timeline.fps),
		transcript: `${transcript}\n`,
	};
};
