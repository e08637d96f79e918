import {cueSeconds, cueTexts, cueWeight} from './reading-pace';
import {lineOnsetsMs, SPEECH_LEAD_IN_MS, type SceneSpeech} from './narration/speech-timing';
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

/** A silent scene's cues: its time shared out by their lengths (the timeline gives each scene the time its words need). */
const spreadCues = (texts: readonly string[], from: number, frames: number): CaptionCue[] => {
	const perWeight = frames / Math.max(1, texts.reduce((sum, text) => sum + cueWeight(text), 0));
	let start = 0;
	return texts.map((text) => {
		const end = start + cueWeight(text) * perWeight;
		const cue = {from: from + Math.round(start), to: from + Math.round(end), text};
		start = end;
		return cue;
	});
};

/**
 * A spoken scene's cues: each starts when the voice starts its first line (a heading over an amount with the sentence
 * that says both), stays until the next one starts and the last until the scene ends. A cue that would be gone before
 * it can be read pushes the next one later, and near the scene's end an earlier one sooner, so none overlaps, none
 * outlasts the scene and none goes faster than silent reading (which the scene always has room for).
 */
const spokenCues = (texts: readonly string[], lines: readonly string[], speech: SceneSpeech, scene: {from: number; durationInFrames: number}, fps: number): CaptionCue[] => {
	const onsets = lineOnsetsMs(lines, speech.sentences);
	let line = 0;
	const wanted = texts.map((text) => {
		const onset = onsets[line]!;
		line += text.split('\n').length;
		return scene.from + ((SPEECH_LEAD_IN_MS + onset) / 1000) * fps;
	});
	const needs = texts.map((text) => cueSeconds(text) * fps);
	const end = scene.from + scene.durationInFrames;
	const starts = wanted.map((frame) => Math.max(scene.from, frame));
	for (let i = 1; i < starts.length; i++) starts[i] = Math.max(starts[i]!, starts[i - 1]! + needs[i - 1]!);
	for (let i = starts.length - 1; i >= 0; i--) starts[i] = Math.min(starts[i]!, (starts[i + 1] ?? end) - needs[i]!);
	return texts.map((text, i) => ({from: Math.round(starts[i]!), to: Math.round(starts[i + 1] ?? end), text}));
};

/**
 * A cue per line of a scene's script (two short ones share a cue): captions say exactly what the scenes show, from the
 * same strings, and nothing else. When the scene speaks they are cued to its sentences; otherwise they share out its time.
 */
export const captionCues = ({
	timeline,
	script,
	speech = [],
}: {
	timeline: Timeline;
	script: Partial<Record<SceneId, SceneScript>>;
	/** When the video speaks, the measured sentences each scene's cues follow. */
	speech?: readonly SceneSpeech[];
}): CaptionCue[] =>
	timeline.scenes.flatMap((scene) => {
		const lines = script[scene.id]?.lines ?? [];
		const texts = cueTexts(lines);
		const said = speech.find((candidate) => candidate.sceneId === scene.id);
		return said && said.sentences.length > 0
			? spokenCues(texts, lines, said, scene, timeline.fps)
			: spreadCues(texts, scene.from, scene.durationInFrames);
	});

const vtt = (cues: ReadonlyArray<{from: number; to: number; text: string}>, fps: number): string =>
	['WEBVTT', ...cues.map((cue, i) => `${i + 1}\n${timestamp(cue.from, fps)} --> ${timestamp(cue.to, fps)}\n${cueText(cue.text)}`)].join('\n\n') +
	'\n';

/**
 * One chapter per scene, from its first frame to its last, named in the bill's language (`chaptersOf` the bill's
 * template): the cues of chapters.vtt and the live player's chapter menu, so both list the same chapters.
 */
export const chapterCues = ({timeline, chapters}: {timeline: Pick<Timeline, 'scenes'>; chapters: Readonly<Record<SceneId, string>>}): CaptionCue[] =>
	timeline.scenes.map((scene) => ({from: scene.from, to: scene.from + scene.durationInFrames, text: chapters[scene.id]}));

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
	const transcript = timeline.scenes
		.map((scene) => [`[${chapters[scene.id]}]`, ...(script[scene.id]?.lines ?? [])].join('\n'))
		.join('\n\n');
	return {
		captions: vtt(captionCues({timeline, script, ...(speech ? {speech} : {})}), timeline.fps),
		chapters: vtt(chapterCues({timeline, chapters}), timeline.fps),
		transcript: `${transcript}\n`,
	};
};
