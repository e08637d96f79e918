import {execFileSync, spawnSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {sentencesOnVideoClock, type SceneSpeech} from '../../src/narration';
import type {TemplateBill} from '../../src/templates/registry';
import {artifactPath, videoPath} from '../../server/renders/render-paths';
import {LOUDNESS, parseEbur128Summary} from '../../server/voice/mix';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack({
		redisUrl: inject('redisUrl'),
		serveUrl: inject('serveUrl'),
		withWorker: true,
		tenant: {narration: {status: 'on', voices: {}, musicBed: {status: 'generated'}}},
	});
});
afterAll(async () => {
	await stack?.close();
});

interface Probe {
	streams: Array<{codec_type: string; codec_name: string; sample_rate?: string; channels?: number; duration: string}>;
	format: {duration: string};
}
const probe = (file: string): Probe =>
	JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], {encoding: 'utf8'})) as Probe;

/** The MP4's sound in the speech band (300–3400 Hz), mono 16 kHz, as samples in [-1, 1]. */
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

const render = async (input: TemplateBill, auth: TestStack['auth']) => {
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...auth},
		body: JSON.stringify({...input, format: 'square', scale: 0.2}),
	});
	expect(response.status).toBe(202);
	const {id, links} = (await response.json()) as {id: string; links: {watch: string}};
	const done = await waitForRender({baseUrl: stack.baseUrl, auth}, id);
	expect(done.status).toBe('completed');
	return {id, token: new URL(links.watch).pathname.split('/').at(-1)!};
};

const cases: Array<{name: string; input: TemplateBill}> = (['en-GB', 'it-IT', 'ko-KR'] as const).flatMap((locale) => [
	{name: `telco-bill ${locale}`, input: {template: 'telco-bill', bill: telcoFixtures[locale]}},
	{name: `utility-bill ${locale}`, input: {template: 'utility-bill', bill: utilityFixtures[locale]}},
	{name: `payment-reminder ${locale}`, input: {template: 'payment-reminder', bill: reminderFixtures[locale]}},
]);

describe.each(cases)('$name, narrated', ({input}) => {
	it('has an AAC 48 kHz stereo track the length of the video, speaking in each scene over a quiet bed, at −16 LUFS, captions on the sentences', async () => {
		const {id, token} = await render(input, stack.auth);
		const file = videoPath(stack.rendersDir, id);
		const {streams, format} = probe(file);
		const audio = streams.find((stream) => stream.codec_type === 'audio')!;
		const video = streams.find((stream) => stream.codec_type === 'video')!;
		expect([audio.codec_name, audio.sample_rate, audio.channels]).toEqual(['aac', '48000', 2]);
		expect(Math.abs(Number(audio.duration) - Number(video.duration))).toBeLessThan(0.1);
		expect(Number(format.duration)).toBeGreaterThan(10);

		const watch = (await (await fetch(`${stack.baseUrl}/v1/watch/${token}`)).json()) as {narration: {audioSrc: string; speech: SceneSpeech[]}};
		const scenes = vttCues(readFileSync(artifactPath(stack.rendersDir, id, 'chapters'), 'utf8'));
		expect(scenes).toHaveLength(watch.narration.speech.length);
		const band = speechBand(file);
		const captions = vttCues(readFileSync(artifactPath(stack.rendersDir, id, 'captions'), 'utf8'));
		for (const [index, speech] of watch.narration.speech.entries()) {
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
			spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-vn', '-af', 'ebur128=peak=true', '-f', 'null', '-'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}).stderr,
		);
		console.log(`${input.template} ${input.bill.customer.locale}: ${Number(format.duration).toFixed(1)} s, ${integrated} LUFS, ${truePeak} dBTP`);
		expect(Math.abs(integrated - LOUDNESS.integrated)).toBeLessThanOrEqual(1);
		expect(truePeak).toBeLessThanOrEqual(-1);
		// The player gets the same track through the watch link.
		const track = await fetch(`${stack.baseUrl}${watch.narration.audioSrc}`);
		expect([track.status, track.headers.get('content-type')]).toEqual([200, 'audio/mp4']);
	});
});

describe('a tenant with narration off', () => {
	it('gets today\'s silent video: no audio stream, no narration in the watch data', async () => {
		// The shortest bill: silence needs no full video to show.
		const {id, token} = await render({template: 'telco-bill', bill: shortBill}, stack.otherAuth);
		expect(probe(videoPath(stack.rendersDir, id)).streams.map((stream) => stream.codec_type)).toEqual(['video']);
		const watch = (await (await fetch(`${stack.baseUrl}/v1/watch/${token}`)).json()) as Record<string, unknown>;
		expect(watch).not.toHaveProperty('narration');
	});
});
