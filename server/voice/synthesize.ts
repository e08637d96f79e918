import {mkdir, writeFile} from 'node:fs/promises';
import {availableParallelism} from 'node:os';
import {dirname} from 'node:path';
import type {SentenceTiming} from '../../src/narration';
import type {ResolvedVoice} from './narration-config';
import type {SpeechCache} from './speech-cache';
import {readWav, wavSamples, writeWav} from './wav';

export interface Utterance {
	/** A mono 16-bit WAV at the engine's own sample rate. */
	readonly wavFile: string;
	readonly durationMs: number;
	readonly sentences: readonly SentenceTiming[];
	/** How many sentences came from the cache rather than the engine. */
	readonly cached: number;
}

/** Speech level every engine's voice is brought to (RMS of the spoken parts, dBFS), so voices sound equally loud. */
const SPEECH_RMS_DBFS = -20;
/** Sample peaks stay under this (dBFS) whatever the level gain asks for. */
const SPEECH_PEAK_DBFS = -1;

/**
 * Engines speak at very different levels (Festival's Italian diphones far louder than espeak-ng), so each utterance
 * is scaled to one speech level, measured over samples above a noise floor so pauses do not count.
 */
const levelled = (samples: Int16Array): Int16Array => {
	let sum = 0;
	let count = 0;
	let peak = 0;
	for (const sample of samples) {
		const abs = Math.abs(sample);
		if (abs > peak) peak = abs;
		if (abs > 328) {
			sum += sample * sample;
			count += 1;
		}
	}
	if (count === 0) return samples;
	const rms = Math.sqrt(sum / count);
	const gain = Math.min((32767 * 10 ** (SPEECH_RMS_DBFS / 20)) / rms, (32767 * 10 ** (SPEECH_PEAK_DBFS / 20)) / peak);
	return samples.map((sample) => Math.round(sample * gain));
};

/** Silence between two sentences of one utterance: a breath, so amounts do not run into each other. */
const SENTENCE_PAUSE_MS = 250;

/**
 * The sentences split into one portion per core, balanced by length, each for its own engine process: a voice load
 * (0.3 s for Festival's HTS voice) buys a whole video's speech in about half the wall time on two cores, which is
 * most of the wait between a render's submission and its watch link speaking.
 */
const enginePortions = (texts: readonly string[]): string[][] => {
	const portions = Array.from({length: Math.min(texts.length, availableParallelism())}, () => ({texts: [] as string[], length: 0}));
	for (const text of [...texts].sort((a, b) => b.length - a.length)) {
		const shortest = portions.reduce((least, portion) => (portion.length < least.length ? portion : least));
		shortest.texts.push(text);
		shortest.length += text.length;
	}
	return portions.map((portion) => portion.texts);
};

/**
 * The WAV of every sentence, from the cache or else from engine calls for the missing ones, one per core (so a whole video's
 * narration costs Festival one voice load per core), each stored under its content key as it is made.
 */
export const cachedSentences = async ({
	sentences,
	locale,
	voice: {engine, voice},
	cache,
}: {
	sentences: readonly string[];
	locale: string;
	voice: ResolvedVoice;
	cache: SpeechCache;
}): Promise<{wavs: Buffer[]; cached: number}> => {
	const keys = sentences.map((text) => cache.keyOf({engine: engine.id, version: engine.version, voice, locale, text}));
	const found = await Promise.all(keys.map((key) => cache.get(key)));
	const missing = [...new Set(sentences.filter((_, index) => !found[index]))];
	const made = (
		await Promise.all(enginePortions(missing).map(async (texts) => ({texts, wavs: await engine.synthesizeSentences({texts, voice, locale})})))
	).flatMap(({texts, wavs}) => texts.map((text, index) => [text, wavs[index]!] as const));
	const fresh = new Map(made);
	await Promise.all(missing.map((text) => cache.put(keys[sentences.indexOf(text)]!, fresh.get(text)!)));
	return {
		wavs: sentences.map((text, index) => found[index] ?? fresh.get(text)!),
		cached: found.filter((wav) => wav !== undefined).length,
	};
};

/**
 * Says sentences one after another into one WAV and measures each from its sample count, so captions and scene
 * lengths can follow the real speech. Each sentence is synthesized once per engine, voice, locale and text.
 */
export const synthesize = async ({
	sentences,
	locale,
	voice: {engine, voice},
	cache,
	outFile,
	pauseMs = SENTENCE_PAUSE_MS,
}: {
	sentences: readonly string[];
	locale: string;
	voice: ResolvedVoice;
	cache: SpeechCache;
	outFile: string;
	pauseMs?: number;
}): Promise<Utterance> => {
	const {wavs, cached} = await cachedSentences({sentences, locale, voice: {engine, voice}, cache});
	const clips = wavs.map((wav, index) => {
		const info = readWav(wav);
		return {text: sentences[index]!, samples: wavSamples(wav, info), sampleRate: info.sampleRate, channels: info.channels};
	});
	const sampleRate = clips[0]?.sampleRate ?? 16_000;
	const channels = clips[0]?.channels ?? 1;
	if (clips.some((clip) => clip.sampleRate !== sampleRate || clip.channels !== channels)) {
		throw new Error(`${engine.id} returned sentences in different formats`);
	}
	const pause = Math.round((pauseMs / 1000) * sampleRate) * channels;
	const total = clips.reduce((sum, clip, index) => sum + clip.samples.length + (index > 0 ? pause : 0), 0);
	const samples = new Int16Array(total);
	const timings: SentenceTiming[] = [];
	let at = 0;
	for (const [index, clip] of clips.entries()) {
		if (index > 0) at += pause;
		samples.set(clip.samples, at);
		const toMs = (position: number) => (position / channels / sampleRate) * 1000;
		timings.push({text: clip.text, startMs: toMs(at), endMs: toMs(at + clip.samples.length)});
		at += clip.samples.length;
	}
	await mkdir(dirname(outFile), {recursive: true});
	await writeFile(outFile, writeWav({samples: levelled(samples), sampleRate, channels}));
	return {wavFile: outFile, durationMs: (total / channels / sampleRate) * 1000, sentences: timings, cached};
};
