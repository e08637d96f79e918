import {execFileSync, spawnSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {sentencesOnVideoClock} from '../../src/narration';
import {computeRenderInput} from '../../src/render-input';
import type {TemplateBill} from '../../src/templates/registry';
import {artifactPath, videoPath} from '../../server/renders/render-paths';
import type {NarrationConfig} from '../../server/voice/narration-config';
import {LOUDNESS, parseEbur128Summary} from '../../server/voice/mix';
import {writeRenderArtifacts} from '../../server/worker/render-artifacts';
import {ffprobe} from '../helpers/ffprobe';
import {startNarrator} from '../helpers/narrator';
import {untilNarrated, watchDataUrl, type NarratedWatchData} from '../helpers/watch-data';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';

const narration: NarrationConfig = {status: 'on', voices: {}, musicBed: {status: 'generated'}};

// The narration worker alone makes the voices of the nine bills, so no 65–90 s video is rendered to hear them: the MP4
// carries the narration track as it is (the encoder copies it), which the one render below checks on a short bill.
let stack: TestStack;
let narrators: ReturnType<typeof startNarrator>[] = [];
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false, tenant: {narration}});
	// Two, so one bill's voice is mixed (ffmpeg, one core) while the next one's sentences are said.
	narrators = [startNarrator({stack, narration}), startNarrator({stack, narration})];
});
afterAll(async () => {
	await Promise.all(narrators.map((narrator) => narrator.close()));
	await stack?.close();
});

/** A file's sound in the speech band (300–3400 Hz), mono 16 kHz, as samples in [-1, 1]. */
const speechBand = (file: string): {samples: Float32Array; rate: number} => {
	const rate = 16_000;
	const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vn', '-af', 'highpass=f=300,lowpass=f=3400', '-ac', '1', '-ar', String(rate), '-f', 'f32le', '-'], {
		maxBuffer: 256 * 1024 * 1024,
	});
	return {samples: new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4), rate};
};
const rmsDb = ({samples, rate}: {samples: Float32Array; rate: number}, fromMs: number, toMs: number): number => {
	const window = samples.subarray(Math.round((fromMs / 1000) * rate), Math.round((toMs / 1000) * rate));
	const power = window.reduce((sum, sample) => sum + sample * sample, 0) / Math.max(1, window.length);
	return 10 * Math.log10(power + 1e-12);
};

/** Cues of a WebVTT file on the video clock (ms). */
const vttCues = (text: string) =>
	[...text.matchAll(/(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})/g)].map((m) => {
		const ms = (h: string, mi: string, s: string, f: string) => ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 + Number(f);
		return {startMs: ms(m[1]!, m[2]!, m[3]!, m[4]!), endMs: ms(m[5]!, m[6]!, m[7]!, m[8]!)};
	});

const post = async (input: TemplateBill, auth: TestStack['auth'], outputs?: {mp4: 'on-demand'; poster: 'on-demand'}) => {
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...auth},
		body: JSON.stringify({...input, format: 'square', scale: 0.2, ...(outputs ? {outputs} : {})}),
	});
	expect(response.status).toBe(202);
	const {id, links} = (await response.json()) as {id: string; links: {watch: string}};
	return {id, watchData: watchDataUrl(stack.baseUrl, links.watch)};
};

/** The narration track as the player gets it through the watch link, saved for ffmpeg. */
const fetchTrack = async (data: NarratedWatchData, dir: string): Promise<string> => {
	const track = await fetch(`${stack.baseUrl}${data.narration.audioSrc}`);
	expect([track.status, track.headers.get('content-type')]).toEqual([200, 'audio/mp4']);
	const file = join(dir, 'narration.m4a');
	writeFileSync(file, Buffer.from(await track.arrayBuffer()));
	return file;
};

/** The video's timeline with this narration, and its caption files made by the worker's own code, in `dir`. */
const captionFilesOf = async (input: TemplateBill, renderId: string, data: NarratedWatchData, dir: string) => {
	const {timeline} = computeRenderInput({...input, format: 'square', narration: data.narration});
	mkdirSync(dirname(artifactPath(dir, renderId, 'captions')), {recursive: true});
	await writeRenderArtifacts({rendersDir: dir, renderId, timeline, templateBill: input, speech: data.narration.speech});
	return timeline;
};

/** The digest of a file's audio packets as stored, so a track copied into an MP4 matches its source. */
const audioPacketsMd5 = (file: string): string =>
	execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:a', '-c', 'copy', '-f', 'md5', '-'], {encoding: 'utf8'}).trim();

const cases: Array<{name: string; input: TemplateBill}> = (['en-GB', 'it-IT', 'ko-KR'] as const).flatMap((locale) => [
	{name: `telco-bill ${locale}`, input: {template: 'telco-bill', bill: telcoFixtures[locale]}},
	{name: `utility-bill ${locale}`, input: {template: 'utility-bill', bill: utilityFixtures[locale]}},
	{name: `payment-reminder ${locale}`, input: {template: 'payment-reminder', bill: reminderFixtures[locale]}},
]);

/** What the narrated cases ask for: their MP4 and poster are never made, only their voice. */
const voiceOnly = {mp4: 'on-demand', poster: 'on-demand'} as const;

beforeAll(async () => {
	// Every case's voice asked for at once, as a first look at its watch data does: the narrators make the next ones while a
	// test measures the last. Each test posts its bill again (the same bill is the same render) and waits for its voice.
	for (const {input} of cases) expect((await fetch((await post(input, stack.auth, voiceOnly)).watchData)).status).toBe(200);
});

describe.each(cases)('$name, narrated', ({input}) => {
	it('has an AAC 48 kHz stereo track the length of the video, speaking in each scene over a quiet bed, at −16 LUFS, captions on the sentences', async () => {
		const {id, watchData} = await post(input, stack.auth, voiceOnly);
		const data = await untilNarrated(watchData, 120_000);
		const dir = mkdtempSync(join(tmpdir(), 'billcast-voice-'));
		const file = await fetchTrack(data, dir);
		const timeline = await captionFilesOf(input, id, data, dir);

		const {streams, format} = ffprobe(file);
		expect(streams.map((stream) => [stream.codec_type, stream.codec_name, stream.sample_rate, stream.channels])).toEqual([['audio', 'aac', '48000', 2]]);
		expect(Math.abs(Number(format.duration) - timeline.durationInFrames / timeline.fps)).toBeLessThan(0.1);

		const scenes = vttCues(readFileSync(artifactPath(dir, id, 'chapters'), 'utf8'));
		expect(scenes).toHaveLength(data.narration.speech.length);
		const band = speechBand(file);
		const captions = vttCues(readFileSync(artifactPath(dir, id, 'captions'), 'utf8'));
		for (const [index, speech] of data.narration.speech.entries()) {
			const scene = scenes[index]!;
			const sentences = sentencesOnVideoClock(speech, scene.startMs);
			if (sentences.length === 0) continue;
			const voiced = rmsDb(band, sentences[0]!.startMs, sentences.at(-1)!.endMs);
			// Between this scene's last word and the next scene's first (tail and lead-in): the bed alone.
			const nextStart = scenes[index + 1]?.startMs ?? scene.endMs;
			const gap = rmsDb(band, sentences.at(-1)!.endMs + 150, Math.min(scene.endMs, nextStart) + 250);
			expect(voiced, `scene ${speech.sceneId} voice`).toBeGreaterThan(-35);
			expect(voiced - gap, `scene ${speech.sceneId} voice over the gap after it`).toBeGreaterThan(12);
			for (const sentence of sentences) {
				expect(captions.some((cue) => cue.startMs < sentence.endMs && cue.endMs > sentence.startMs), sentence.text).toBe(true);
			}
		}
		const {integrated, truePeak} = parseEbur128Summary(
			spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}).stderr,
		);
		console.log(`${input.template} ${input.bill.customer.locale}: ${Number(format.duration).toFixed(1)} s, ${integrated} LUFS, ${truePeak} dBTP`);
		expect(Math.abs(integrated - LOUDNESS.integrated)).toBeLessThanOrEqual(1);
		expect(truePeak).toBeLessThanOrEqual(-1);
	});
});

describe('the rendered MP4', () => {
	beforeAll(async () => {
		// The worker's own narration worker, which narrates by tenant, takes over from the one that narrates every bill.
		await Promise.all(narrators.map((narrator) => narrator.close()));
		await stack.startWorker();
	});

	it('carries the narration track as made, the length of the video, with the captions cued to it', async () => {
		// The shortest bill: the track's sound is checked above; here, that the MP4 holds it whole.
		const input: TemplateBill = {template: 'telco-bill', bill: shortBill};
		const {id, watchData} = await post(input, stack.auth);
		expect((await waitForRender(stack, id)).status).toBe('completed');
		const data = await untilNarrated(watchData, 120_000);
		const dir = mkdtempSync(join(tmpdir(), 'billcast-voice-'));
		const track = await fetchTrack(data, dir);
		const file = videoPath(stack.rendersDir, id);

		const {streams} = ffprobe(file);
		const audio = streams.find((stream) => stream.codec_type === 'audio')!;
		const video = streams.find((stream) => stream.codec_type === 'video')!;
		expect([audio.codec_name, audio.sample_rate, audio.channels]).toEqual(['aac', '48000', 2]);
		expect(Math.abs(Number(audio.duration) - Number(video.duration))).toBeLessThan(0.1);
		expect(audioPacketsMd5(file)).toBe(audioPacketsMd5(track));

		await captionFilesOf(input, id, data, dir);
		expect(readFileSync(artifactPath(stack.rendersDir, id, 'captions'), 'utf8')).toBe(readFileSync(artifactPath(dir, id, 'captions'), 'utf8'));
	});

	it("for a tenant with narration off is today's silent video: no audio stream, no narration in the watch data", async () => {
		const {id, watchData} = await post({template: 'telco-bill', bill: shortBill}, stack.otherAuth);
		expect((await waitForRender({baseUrl: stack.baseUrl, auth: stack.otherAuth}, id)).status).toBe('completed');
		expect(ffprobe(videoPath(stack.rendersDir, id)).streams.map((stream) => stream.codec_type)).toEqual(['video']);
		expect((await (await fetch(watchData)).json()) as Record<string, unknown>).not.toHaveProperty('narration');
	});
});
