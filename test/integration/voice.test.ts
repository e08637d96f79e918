import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {narrationOf, secondsForSpeech, sentencesOnVideoClock} from '../../src/narration';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {espeakNgEngine} from '../../server/voice/espeak-ng';
import {MissingVoicePackageError} from '../../server/voice/errors';
import {festivalEngine} from '../../server/voice/festival';
import {LOUDNESS, mixNarrationTrack, parseEbur128Summary} from '../../server/voice/mix';
import {musicBedWav} from '../../server/voice/music-bed';
import {localEngines, speakNarration, type SpokenScene} from '../../server/voice/narrate';
import {narrationConfigSchema, resolveVoice} from '../../server/voice/narration-config';
import {narrationTrack} from '../../server/voice/narration-track';
import {createSpeechCache} from '../../server/voice/speech-cache';
import {synthesize} from '../../server/voice/synthesize';
import {readWav, wavSamples} from '../../server/voice/wav';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'billcast-voice-'));
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

/** RMS of a stretch of a WAV, as a fraction of full scale. */
const rms = (wav: Buffer, fromMs: number, toMs: number): number => {
	const info = readWav(wav);
	const samples = wavSamples(wav, info);
	const at = (ms: number) => Math.round((ms / 1000) * info.sampleRate) * info.channels;
	const window = samples.subarray(at(fromMs), at(toMs));
	return Math.sqrt(window.reduce((sum, sample) => sum + sample * sample, 0) / Math.max(1, window.length)) / 32768;
};

/** ffmpeg's EBU R128 meter over a file: integrated loudness (LUFS) and true peak (dBTP). */
const loudness = (file: string) =>
	parseEbur128Summary(
		spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-'], {
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		}).stderr,
	);

const locales = [
	{locale: 'en-GB', engine: 'festival', voice: 'cmu_us_slt_arctic_hts'},
	{locale: 'it-IT', engine: 'festival', voice: 'lp_diphone'},
	{locale: 'ko-KR', engine: 'espeak-ng', voice: 'ko'},
] as const;

describe('narration speech', () => {
	const spoken = new Map<string, SpokenScene>();

	for (const {locale, engine, voice} of locales) {
		it(`speaks the ${locale} total scene with the best installed voice, each sentence audible and timed`, async () => {
			const narration = narrationOf({template: 'telco-bill', bill: telcoFixtures[locale]}, [{id: 'total'}]);
			const result = await speakNarration({
				narration,
				locale,
				config: narrationConfigSchema.parse(undefined),
				cache: createSpeechCache({dir: join(dir, 'cache')}),
				outDir: join(dir, locale),
			});
			if (result.status !== 'on') throw new Error('narration is off');
			expect({engine: result.engine, voice: result.voice}).toEqual({engine, voice});
			const scene = result.scenes[0]!;
			expect(scene.sentences.map((sentence) => sentence.text)).toEqual(narration[0]!.sentences);
			const wav = await readFile(scene.wavFile!);
			expect(readWav(wav).durationMs).toBeCloseTo(scene.durationMs, 0);
			for (const sentence of scene.sentences) {
				expect(sentence.endMs - sentence.startMs).toBeGreaterThan(500);
				expect(rms(wav, sentence.startMs, sentence.endMs)).toBeGreaterThan(0.03);
			}
			// The pause between two sentences is silence.
			const [first, second] = scene.sentences;
			expect(rms(wav, first!.endMs + 20, second!.startMs - 20)).toBeLessThan(0.001);
			spoken.set(locale, scene);
		});
	}

	it('synthesizes a sentence once: the second utterance comes from the content-addressed cache', async () => {
		const cacheDir = join(dir, 'cache-once');
		const cache = createSpeechCache({dir: cacheDir});
		const voice = resolveVoice({locale: 'ko-KR', engines: localEngines()});
		const sentences = ['요금 구성.', '기본 요금제: 오만 오천 원.'];
		const first = await synthesize({sentences, locale: 'ko-KR', voice, cache, outFile: join(dir, 'once-1.wav')});
		const second = await synthesize({sentences, locale: 'ko-KR', voice, cache, outFile: join(dir, 'once-2.wav')});
		expect([first.cached, second.cached]).toEqual([0, 2]);
		const shards = await readdir(cacheDir);
		const files = (await Promise.all(shards.map((shard) => readdir(join(cacheDir, shard))))).flat();
		expect(files.filter((file) => file.endsWith('.wav'))).toHaveLength(2);
		expect(await readFile(join(dir, 'once-2.wav'))).toEqual(await readFile(join(dir, 'once-1.wav')));
	});

	it('mixes voices over the music bed to −16 LUFS ±1 and at most −1 dBTP, AAC 48 kHz stereo', async () => {
		const bedFile = join(dir, 'bed.wav');
		await writeFile(bedFile, musicBedWav());
		let at = 500;
		const segments = locales.map(({locale}) => {
			const scene = spoken.get(locale)!;
			const segment = {file: scene.wavFile!, startMs: at};
			at += scene.durationMs + 1000;
			return segment;
		});
		const outFile = await mixNarrationTrack({segments, durationMs: at, bedFile, outFile: join(dir, 'mix.m4a')});
		const probe = JSON.parse(
			execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', outFile], {encoding: 'utf8'}),
		) as {streams: Array<{codec_name: string; sample_rate: string; channels: number}>; format: {duration: string}};
		expect(probe.streams.map((s) => [s.codec_name, s.sample_rate, s.channels])).toEqual([['aac', '48000', 2]]);
		expect(Number(probe.format.duration)).toBeCloseTo(at / 1000, 0);
		const {integrated, truePeak} = loudness(outFile);
		console.log(`mixed track: ${integrated} LUFS integrated, ${truePeak} dBTP true peak`);
		expect(Math.abs(integrated - LOUDNESS.integrated)).toBeLessThanOrEqual(1);
		expect(truePeak).toBeLessThanOrEqual(-1);
		// The bed plays (and is ducked) under the voice: the first half second, before any voice, is not silent.
		const wav = join(dir, 'mix.wav');
		await mixNarrationTrack({segments, durationMs: at, bedFile, outFile: wav});
		const pcm = await readFile(wav);
		expect(rms(pcm, 100, 450)).toBeGreaterThan(0.001);
	});
});

describe('narration track', () => {
	it('puts each scene\'s voice inside its scene, with the bed quiet between scenes, for the whole video', async () => {
		const fps = 30;
		const narration = narrationOf({template: 'telco-bill', bill: sampleTelcoBill}, [{id: 'greeting'}, {id: 'total'}, {id: 'due'}]);
		const result = await speakNarration({
			narration,
			locale: 'en-GB',
			config: narrationConfigSchema.parse(undefined),
			cache: createSpeechCache({dir: join(dir, 'cache')}),
			outDir: join(dir, 'track'),
		});
		if (result.status !== 'on') throw new Error('narration is off');
		let from = 0;
		const scenes = result.scenes.map((speech) => {
			const scene = {id: speech.sceneId, from, durationInFrames: Math.ceil(secondsForSpeech(speech) * fps)};
			from += scene.durationInFrames;
			return scene;
		});
		const outFile = await narrationTrack({
			spoken: result.scenes,
			timeline: {fps, durationInFrames: from, scenes},
			musicBed: {status: 'generated'},
			workDir: join(dir, 'track'),
			outFile: join(dir, 'track', 'narration.wav'),
		});
		const wav = await readFile(outFile);
		const info = readWav(wav);
		expect([info.sampleRate, info.channels]).toEqual([48_000, 2]);
		expect(info.durationMs).toBeCloseTo((from / fps) * 1000, -1);
		for (const [index, speech] of result.scenes.entries()) {
			const sentences = sentencesOnVideoClock(speech, (scenes[index]!.from / fps) * 1000);
			for (const sentence of sentences) expect(rms(wav, sentence.startMs, sentence.endMs)).toBeGreaterThan(0.05);
			const next = scenes[index + 1];
			if (!next) continue;
			// Between the last word of a scene and the first of the next, only the bed plays: far below the voice.
			const gap = rms(wav, sentences.at(-1)!.endMs + 300, (next.from / fps) * 1000 + 300);
			expect(gap).toBeLessThan(rms(wav, sentences.at(-1)!.startMs, sentences.at(-1)!.endMs) / 5);
		}
	});
});

describe('missing voices', () => {
	it('names the Debian package when the engine program is missing', async () => {
		const festival = festivalEngine({festival: '/nonexistent/festival'});
		await expect(festival.synthesizeSentences({texts: ['Hello.'], voice: 'cmu_us_slt_arctic_hts', locale: 'en-GB'})).rejects.toMatchObject({
			name: 'MissingVoicePackageError',
			debianPackage: 'festival',
		});
		const espeak = espeakNgEngine({program: '/nonexistent/espeak-ng'});
		await expect(espeak.synthesizeSentences({texts: ['안녕하세요.'], voice: 'ko', locale: 'ko-KR'})).rejects.toThrow(/espeak-ng/);
	});

	it('names the voice package when a voice is missing, and says it in the message', async () => {
		const festival = festivalEngine({voicesDir: join(dir, 'no-voices')});
		const error = await festival.synthesizeSentences({texts: ['Ciao.'], voice: 'lp_diphone', locale: 'it-IT'}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(MissingVoicePackageError);
		expect((error as Error).message).toContain('festvox-italp16k');
	});

	it('falls back to the next installed engine, and refuses a tenant choice that is not installed', () => {
		const engines = [festivalEngine({voicesDir: join(dir, 'no-voices')}), espeakNgEngine()];
		const fallback = resolveVoice({locale: 'en-GB', engines});
		expect([fallback.engine.id, fallback.voice]).toEqual(['espeak-ng', 'en-gb']);
		expect(() => resolveVoice({locale: 'it-IT', choices: {it: {engine: 'festival'}}, engines})).toThrow(
			expect.objectContaining({name: 'MissingVoicePackageError', debianPackage: 'festvox-italp16k'}),
		);
		expect(() => resolveVoice({locale: 'ko-KR', engines: [festivalEngine()]})).toThrow(MissingVoicePackageError);
	});

	it('lets a tenant pick a voice per locale, or turn narration off', async () => {
		const config = narrationConfigSchema.parse({status: 'on', voices: {'it-IT': {engine: 'festival', voice: 'pc_diphone'}}});
		if (config.status !== 'on') throw new Error('narration is off');
		expect(config.musicBed).toEqual({status: 'generated'});
		expect(resolveVoice({locale: 'it-IT', choices: config.voices, engines: localEngines()}).voice).toBe('pc_diphone');
		expect(resolveVoice({locale: 'it-IT', engines: localEngines()}).voice).toBe('lp_diphone');
		const off = await speakNarration({
			narration: [{sceneId: 'total', sentences: ['Never said.']}],
			locale: 'en-GB',
			config: narrationConfigSchema.parse({status: 'off'}),
			cache: createSpeechCache({dir: join(dir, 'cache-off')}),
			outDir: join(dir, 'off'),
		});
		expect(off).toEqual({status: 'off'});
		const invalid = narrationConfigSchema.safeParse({status: 'on', voices: {'ko-KR': {engine: 'polly'}}});
		expect(invalid.success).toBe(false);
		expect(invalid.error?.issues[0]?.path).toEqual(['voices', 'ko-KR', 'engine']);
	});
});
