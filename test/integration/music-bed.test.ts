import {execFileSync, spawnSync} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {buffer} from 'node:stream/consumers';
import type {Worker} from 'bullmq';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {SPEECH_LEAD_IN_MS, sentencesOnVideoClock, type SceneSpeech} from '../../src/narration';
import {timelineFor} from '../../src/render-input';
import {makeLogger} from '../../server/platform/logger';
import {artifactKey} from '../../server/renders/render-paths';
import {MUSIC_BED_LIMITS} from '../../server/voice/music-bed-audio';
import {BED_LOUDNESS_LUFS, musicBedWav} from '../../server/voice/music-bed';
import {MUSIC_BED_CACHE_DIR} from '../../server/voice/music-bed-store';
import {parseEbur128Summary} from '../../server/voice/mix';
import type {NarrationConfig} from '../../server/voice/narration-config';
import {createSpeechCache} from '../../server/voice/speech-cache';
import {readWav} from '../../server/voice/wav';
import {makeNarrationWorker} from '../../server/worker/narration-worker';
import {loadOpenApiValidator} from '../helpers/openapi-validator';
import {s3StorageEnv} from '../helpers/s3-server';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, type TestStack} from '../helpers/test-stack';

/**
 * Tones the generated chords lack: their notes and octaves stay under 700 Hz, so energy at 1 kHz or 1.5 kHz in the
 * narration can only come from an uploaded bed.
 */
const FIRST_TONE_HZ = 1000;
const SECOND_TONE_HZ = 1500;

/** espeak-ng starts in milliseconds: these tests are about the bed, not the voice. */
const narration: NarrationConfig = {status: 'on', voices: {en: {engine: 'espeak-ng'}}, musicBed: {status: 'generated'}};

let dir: string;
let stack: TestStack;
let narrator: Worker;
let validate: (name: string, body: unknown) => string[];

const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
/** A sine made by ffmpeg, in the container its extension names. */
const tone = async ({hz, seconds, file}: {hz: number; seconds: number; file: string}): Promise<Buffer> => {
	const path = join(dir, file);
	ffmpeg(['-f', 'lavfi', '-i', `sine=f=${hz}:d=${seconds}`, ...(file.endsWith('.mp3') ? ['-ac', '1', '-ar', '8000', '-b:a', '8k'] : []), path]);
	return readFile(path);
};

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'billcast-music-bed-test-'));
	const env = s3StorageEnv(inject('s3'), {prefix: `music-bed-${randomUUID().slice(0, 8)}`, serve: 'stream'});
	Object.assign(process.env, {AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY});
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false, storageEnv: env, tenant: {narration}});
	validate = await loadOpenApiValidator(stack.baseUrl);
	// Only narrations: the bed is in the narration track, which the MP4 muxes as it is.
	narrator = makeNarrationWorker({
		connection: stack.redis,
		renderQueueName: stack.queue.queue.name,
		storage: stack.storage,
		store: stack.store,
		cache: createSpeechCache({dir: join(dir, 'speech-cache')}),
		narrationFor: (tenant) => stack.services.tenants.byId(tenant)?.narration,
		logger: makeLogger({service: 'worker', level: 'silent'}),
	});
});
afterAll(async () => {
	await narrator?.close();
	// The worker's cache of beds is the one every worker on this machine uses; this stack's tenant is gone with it.
	if (stack) await rm(join(MUSIC_BED_CACHE_DIR, stack.tenantId), {recursive: true, force: true});
	await stack?.close();
	await rm(dir, {recursive: true, force: true});
});

/** Integrated loudness (LUFS) by ffmpeg's EBU R128 meter. */
const integratedLufs = (file: string): number =>
	parseEbur128Summary(spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128', '-f', 'null', '-'], {encoding: 'utf8'}).stderr).integrated;

const put = (body: Uint8Array, contentType?: string) =>
	fetch(`${stack.baseUrl}/v1/music-bed`, {method: 'PUT', headers: {...stack.auth, ...(contentType ? {'content-type': contentType} : {})}, body: Uint8Array.from(body)});
const musicBed = async () => {
	const response = await fetch(`${stack.baseUrl}/v1/music-bed`, {headers: stack.auth});
	expect(response.status).toBe(200);
	const body = (await response.json()) as Record<string, unknown>;
	expect(validate('MusicBed', body)).toEqual([]);
	return body;
};
const tenantKeys = async () => {
	const keys: string[] = [];
	for await (const object of stack.storage.list(`tenants/${stack.tenantId}/`)) keys.push(object.key);
	return keys.sort();
};

interface Narrated {
	readonly id: string;
	readonly bill: typeof shortBill;
	readonly file: string;
	readonly speech: readonly SceneSpeech[];
}

/** Posts a bill (a new customer each time, so a new render) and waits for its narration track in storage. */
const narrate = async (customerId: string): Promise<Narrated> => {
	const bill = {...shortBill, customer: {...shortBill.customer, id: customerId}};
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({template: 'telco-bill', bill, format: 'landscape', scale: 0.2}),
	});
	expect(response.status).toBe(202);
	const {id} = (await response.json()) as {id: string};
	await expect.poll(async () => (await stack.store.getSpeech(id)) !== undefined && (await stack.storage.exists(artifactKey(id, 'narration'))), {timeout: 90_000, interval: 200}).toBe(true);
	const file = join(dir, `${customerId}.m4a`);
	await writeFile(file, await buffer((await stack.storage.read(artifactKey(id, 'narration')))!));
	return {id, bill, file, speech: (await stack.store.getSpeech(id))!};
};

/**
 * The track's level (dBFS) in a narrow band around `hz`, measured by ffmpeg (two band-passes, then astats) over the
 * stretches where no one speaks: from just after a scene's last sentence to just before the next scene's first.
 */
const bedLevelAt = ({bill, file, speech}: Narrated, hz: number): number => {
	const {scenes, fps} = timelineFor({template: 'telco-bill', bill, format: 'landscape', narration: {audioSrc: 'narration.m4a', speech}});
	const onClock = speech.map((scene, index) => sentencesOnVideoClock(scene, (scenes[index]!.from / fps) * 1000));
	const gaps = onClock.slice(0, -1).flatMap((sentences, index) => {
		const next = onClock[index + 1]![0];
		const last = sentences.at(-1);
		return last && next ? [{from: last.endMs + 250, to: next.startMs - 50}] : [];
	});
	expect(gaps.length).toBeGreaterThanOrEqual(2);
	expect(gaps.every((gap) => gap.to - gap.from >= SPEECH_LEAD_IN_MS)).toBe(true);
	const between = gaps.map((gap) => `between(t,${(gap.from / 1000).toFixed(3)},${(gap.to / 1000).toFixed(3)})`).join('+');
	const {stderr} = spawnSync(
		'ffmpeg',
		['-hide_banner', '-nostats', '-i', file, '-af', `aselect='${between}',bandpass=f=${hz}:t=q:w=8,bandpass=f=${hz}:t=q:w=8,astats=measure_perchannel=none`, '-f', 'null', '-'],
		{encoding: 'utf8'},
	);
	const level = /Overall[\s\S]*?RMS level dB: (-?[\d.]+|-inf)/.exec(stderr)?.[1];
	expect(level, stderr.slice(-500)).toBeDefined();
	return level === '-inf' ? -Infinity : Number(level);
};

describe('PUT /v1/music-bed refuses what is not a bed', () => {
	it('not audio, empty, silent, too short, too long: 422 problem+json naming the body; too big 413; not an audio type 415; nothing stored', async () => {
		ffmpeg(['-f', 'lavfi', '-i', 'anullsrc=d=5', join(dir, 'silence.wav')]);
		const refusals: Array<{name: string; send: () => Promise<Response>; status: number; code: string; detail: RegExp}> = [
			{name: 'text', send: () => put(Buffer.from('this is not audio at all'), 'audio/wav'), status: 422, code: 'music_bed_rejected', detail: /body: is not audio/},
			{
				name: 'an HLS playlist naming a local file',
				send: () => put(Buffer.from('#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile:///etc/hostname\n#EXT-X-ENDLIST\n'), 'audio/mpeg'),
				status: 422,
				code: 'music_bed_rejected',
				detail: /body: is not audio/,
			},
			{name: 'empty', send: () => put(new Uint8Array(0), 'audio/wav'), status: 422, code: 'music_bed_rejected', detail: /body: is empty/},
			{name: 'silence', send: async () => put(await readFile(join(dir, 'silence.wav')), 'audio/wav'), status: 422, code: 'music_bed_rejected', detail: /body: is silent/},
			{name: '1 s', send: async () => put(await tone({hz: FIRST_TONE_HZ, seconds: 1, file: 'short.wav'}), 'audio/wav'), status: 422, code: 'music_bed_rejected', detail: /is 1\.0 s long; a bed may be 2–600 s long/},
			{name: '601 s', send: async () => put(await tone({hz: FIRST_TONE_HZ, seconds: 601, file: 'long.mp3'}), 'audio/mpeg'), status: 422, code: 'music_bed_rejected', detail: /is 601\.\d s long; a bed may be 2–600 s long/},
			{name: 'over the limit', send: () => put(Buffer.alloc(MUSIC_BED_LIMITS.maxBytes + 1), 'audio/wav'), status: 413, code: 'payload_too_large', detail: /20 MiB/},
			{name: 'JSON', send: () => put(Buffer.from('{"bed": 1}'), 'application/json'), status: 415, code: 'unsupported_media_type', detail: /must be one of audio\/wav/},
			{name: 'no type', send: async () => put(await tone({hz: FIRST_TONE_HZ, seconds: 3, file: 'untyped.wav'})), status: 415, code: 'unsupported_media_type', detail: /was missing/},
		];
		for (const {name, send, status, code, detail} of refusals) {
			const answer = await send();
			const body = (await answer.json()) as {code: string; detail: string; errors?: Array<{path: string}>};
			expect([answer.status, answer.headers.get('content-type'), body.code], name).toEqual([status, 'application/problem+json; charset=utf-8', code]);
			expect(body.detail, name).toMatch(detail);
			expect(validate('Problem', body), name).toEqual([]);
			if (status === 422) expect(body.errors?.map((error) => error.path), name).toEqual(['body']);
		}
		expect(await musicBed()).toEqual({status: 'generated'});
		expect(await tenantKeys()).toEqual([]);
	});
});

describe('a tenant uploads its own bed, with S3 storage', () => {
	let first: {sha256: string; durationMs: number};
	let firstTrack: Narrated;

	it('stores a WAV tone as a 48 kHz stereo WAV in the bucket, at the generated bed\'s loudness, and says so (201, then 200 for the same file)', async () => {
		const wav = await tone({hz: FIRST_TONE_HZ, seconds: 5, file: 'first.wav'});
		const created = await put(wav, 'audio/wav');
		const body = (await created.json()) as {status: string; sha256: string; durationMs: number};
		expect(created.status).toBe(201);
		expect(validate('MusicBed', body)).toEqual([]);
		expect(body).toMatchObject({status: 'uploaded', format: 'wav', sampleRate: 48_000, channels: 2, durationMs: 5000});
		first = body;
		expect(await musicBed()).toEqual(body);

		const keys = await tenantKeys();
		expect(keys).toEqual([`tenants/${stack.tenantId}/music-bed-${body.sha256.slice(0, 16)}.wav`, `tenants/${stack.tenantId}/music-bed.json`]);
		const stored = await buffer((await stack.storage.read(keys[0]!))!);
		expect(readWav(stored)).toMatchObject({sampleRate: 48_000, channels: 2, bitsPerSample: 16, durationMs: 5000});
		const storedFile = join(dir, 'stored.wav');
		await writeFile(storedFile, stored);
		expect(Math.abs(integratedLufs(storedFile) - BED_LOUDNESS_LUFS)).toBeLessThanOrEqual(0.5);

		// The same file again: the same bytes under the same key, which stays.
		const again = await put(wav, 'audio/wav');
		expect(again.status).toBe(200);
		expect(((await again.json()) as {sha256: string}).sha256).toBe(body.sha256);
		expect(await tenantKeys()).toEqual(keys);
	});

	it('a new render\'s narration plays the upload: 1 kHz between the voice\'s sentences, where the generated chords have none', async () => {
		const track = await narrate('CUST-BED-FIRST');
		firstTrack = track;
		const atFirst = bedLevelAt(track, FIRST_TONE_HZ);
		const atSecond = bedLevelAt(track, SECOND_TONE_HZ);
		console.log(`uploaded 1 kHz bed: ${atFirst.toFixed(1)} dB at 1 kHz, ${atSecond.toFixed(1)} dB at 1.5 kHz in the gaps`);
		expect(atFirst).toBeGreaterThan(-45);
		expect(atFirst - atSecond).toBeGreaterThan(20);
		// Fetched once to this machine, under its content.
		expect((await stat(join(MUSIC_BED_CACHE_DIR, stack.tenantId, `${first.sha256}.wav`))).size).toBeGreaterThan(900_000);
	});

	it('a second upload (MP3, 1.5 kHz) replaces the first in the bucket and in the next render; the first render keeps its track', async () => {
		const replaced = await put(await tone({hz: SECOND_TONE_HZ, seconds: 6, file: 'second.mp3'}), 'audio/mpeg');
		expect(replaced.status).toBe(200);
		const body = (await replaced.json()) as {sha256: string; durationMs: number};
		expect(body.sha256).not.toBe(first.sha256);
		expect(Math.abs(body.durationMs - 6000)).toBeLessThan(100);
		expect(await tenantKeys()).toEqual([`tenants/${stack.tenantId}/music-bed-${body.sha256.slice(0, 16)}.wav`, `tenants/${stack.tenantId}/music-bed.json`]);

		const track = await narrate('CUST-BED-SECOND');
		const atFirst = bedLevelAt(track, FIRST_TONE_HZ);
		const atSecond = bedLevelAt(track, SECOND_TONE_HZ);
		console.log(`replaced by a 1.5 kHz bed: ${atFirst.toFixed(1)} dB at 1 kHz, ${atSecond.toFixed(1)} dB at 1.5 kHz in the gaps`);
		expect(atSecond).toBeGreaterThan(-45);
		expect(atSecond - atFirst).toBeGreaterThan(20);
		const kept = await buffer((await stack.storage.read(artifactKey(firstTrack.id, 'narration')))!);
		expect(kept.equals(await readFile(firstTrack.file))).toBe(true);
	});

	it('DELETE goes back to the generated bed: removed from the bucket, and the next narration has neither tone', async () => {
		const removed = await fetch(`${stack.baseUrl}/v1/music-bed`, {method: 'DELETE', headers: stack.auth});
		expect(removed.status).toBe(204);
		expect(await musicBed()).toEqual({status: 'generated'});
		expect(await tenantKeys()).toEqual([]);
		const again = await fetch(`${stack.baseUrl}/v1/music-bed`, {method: 'DELETE', headers: stack.auth});
		expect([again.status, ((await again.json()) as {code: string}).code]).toEqual([404, 'not_found']);

		const track = await narrate('CUST-BED-GENERATED');
		const atFirst = bedLevelAt(track, FIRST_TONE_HZ);
		const atSecond = bedLevelAt(track, SECOND_TONE_HZ);
		console.log(`generated bed: ${atFirst.toFixed(1)} dB at 1 kHz, ${atSecond.toFixed(1)} dB at 1.5 kHz in the gaps`);
		expect(atFirst).toBeLessThan(-60);
		expect(atSecond).toBeLessThan(-60);
	});
});

describe('the loudness of beds', () => {
	it('the generated chords are at the loudness uploads are brought to', async () => {
		const file = join(dir, 'generated.wav');
		await writeFile(file, musicBedWav());
		expect(Math.abs(integratedLufs(file) - BED_LOUDNESS_LUFS)).toBeLessThanOrEqual(0.5);
	});
});
