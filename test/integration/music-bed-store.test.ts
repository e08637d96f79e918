import {randomUUID} from 'node:crypto';
import {mkdtemp, readFile, rm, stat, utimes} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {loadConfig} from '../../server/platform/config';
import {connectRedis} from '../../server/platform/redis-connection';
import type {S3StorageConfig} from '../../server/platform/storage-config';
import {makeRenderStore} from '../../server/renders/render-store';
import {makeLocalStorage} from '../../server/storage/local-storage';
import type {RenderStorage} from '../../server/storage/render-storage';
import {makeS3Storage} from '../../server/storage/s3-storage';
import {musicBedWav} from '../../server/voice/music-bed';
import {makeMusicBedStore, musicBedSource, type MusicBedStore} from '../../server/voice/music-bed-store';
import type {NarrationConfig} from '../../server/voice/narration-config';
import {writeWav} from '../../server/voice/wav';
import {sweepExpiredRenders} from '../../server/worker/retention';
import {S3RVER_CREDENTIALS, s3StorageEnv} from '../helpers/s3-server';

const on: NarrationConfig = {status: 'on', voices: {}, musicBed: {status: 'generated'}};
/** A second bed, different bytes from the generated one. */
const otherBed = writeWav({samples: new Int16Array(48_000 * 2 * 3).map((_, index) => (index % 96) * 300), sampleRate: 48_000, channels: 2});

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'billcast-bed-store-'));
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

const keysOf = async (storage: RenderStorage, tenant: string) => {
	const keys: string[] = [];
	for await (const object of storage.list(`tenants/${tenant}/`)) keys.push(object.key);
	return keys.sort();
};

describe('uploaded beds in local storage, as a worker fetches them', () => {
	let storage: RenderStorage;
	let beds: MusicBedStore;
	let cacheDir: string;
	beforeAll(() => {
		storage = makeLocalStorage({dir: join(dir, 'renders')});
		beds = makeMusicBedStore({storage});
		cacheDir = join(dir, 'bed-cache');
	});

	it('the config\'s "off" wins over an upload; an upload is fetched once, and replaced in the cache by the next', async () => {
		expect(await musicBedSource({config: on, tenant: 'acme', beds, cacheDir})).toEqual({status: 'generated'});
		await beds.put('acme', {wav: musicBedWav(), durationMs: 8000});
		const source = await musicBedSource({config: on, tenant: 'acme', beds, cacheDir});
		if (source.status !== 'uploaded') throw new Error(`expected the upload, got ${source.status}`);
		expect((await readFile(source.file)).equals(musicBedWav())).toBe(true);
		const {ino, mtimeMs} = await stat(source.file);
		// The next narration finds the same file where it was: nothing fetched again.
		expect(await musicBedSource({config: on, tenant: 'acme', beds, cacheDir})).toEqual(source);
		expect(await stat(source.file)).toMatchObject({ino, mtimeMs});

		expect(await musicBedSource({config: {...on, musicBed: {status: 'off'}}, tenant: 'acme', beds, cacheDir})).toEqual({status: 'off'});
		expect(await musicBedSource({config: {status: 'off'}, tenant: 'acme', beds, cacheDir})).toEqual({status: 'off'});
		// Another tenant, even one whose id starts the same, has its own.
		expect(await musicBedSource({config: on, tenant: 'acme-2', beds, cacheDir})).toEqual({status: 'generated'});

		expect((await beds.put('acme', {wav: otherBed, durationMs: 3000})).replaced).toBe(true);
		const replaced = await musicBedSource({config: on, tenant: 'acme', beds, cacheDir});
		if (replaced.status !== 'uploaded') throw new Error(`expected the upload, got ${replaced.status}`);
		expect((await readFile(replaced.file)).equals(otherBed)).toBe(true);
		await expect(stat(source.file)).rejects.toThrow(/ENOENT/);

		expect(await beds.delete('acme')).toBe(true);
		expect(await musicBedSource({config: on, tenant: 'acme', beds, cacheDir})).toEqual({status: 'generated'});
		// The removed bed's copy on this machine goes with it.
		await expect(stat(replaced.file)).rejects.toThrow(/ENOENT/);
		expect(await beds.delete('acme')).toBe(false);
	});

	it('a WAV that two uploads at once left unnamed goes with the next upload or removal, once no upload can still be naming it', async () => {
		const racedAgo = Date.now() / 1000 - 3600;
		await storage.put('tenants/racing/music-bed-0000000000000000.wav', otherBed, 'audio/wav');
		await utimes(join(dir, 'renders', 'tenants', 'racing', 'music-bed-0000000000000000.wav'), racedAgo, racedAgo);
		// Written a moment ago: an upload still on its way to naming it.
		await storage.put('tenants/racing/music-bed-1111111111111111.wav', otherBed, 'audio/wav');

		const {upload} = await beds.put('racing', {wav: musicBedWav(), durationMs: 8000});
		expect(await keysOf(storage, 'racing')).toEqual([
			'tenants/racing/music-bed-1111111111111111.wav',
			`tenants/racing/music-bed-${upload.sha256.slice(0, 16)}.wav`,
			'tenants/racing/music-bed.json',
		].sort());
		await utimes(join(dir, 'renders', 'tenants', 'racing', 'music-bed-1111111111111111.wav'), racedAgo, racedAgo);
		expect(await beds.delete('racing')).toBe(true);
		expect(await keysOf(storage, 'racing')).toEqual([]);
	});
});

describe('uploaded beds in an S3 bucket', () => {
	let storage: RenderStorage;
	let beds: MusicBedStore;
	beforeAll(() => {
		Object.assign(process.env, S3RVER_CREDENTIALS);
		const config = loadConfig(s3StorageEnv(inject('s3'), {prefix: `bed-store-${randomUUID().slice(0, 8)}`, serve: 'stream'}));
		storage = makeS3Storage(config.storage as S3StorageConfig);
		beds = makeMusicBedStore({storage});
	});

	it('keeps the bed under a key of its content, named by music-bed.json; a replaced bed\'s object goes', async () => {
		const {upload, replaced} = await beds.put('acme', {wav: musicBedWav(), durationMs: 8000});
		expect(replaced).toBe(false);
		expect(await keysOf(storage, 'acme')).toEqual([`tenants/acme/music-bed-${upload.sha256.slice(0, 16)}.wav`, 'tenants/acme/music-bed.json']);
		expect(await beds.get('acme')).toEqual(upload);
		const next = await beds.put('acme', {wav: otherBed, durationMs: 3000});
		expect(await keysOf(storage, 'acme')).toEqual([`tenants/acme/music-bed-${next.upload.sha256.slice(0, 16)}.wav`, 'tenants/acme/music-bed.json']);
	});

	it('a bed replaced between reading its name and fetching it is looked up again, so the newest plays', async () => {
		const cacheDir = join(dir, 's3-cache');
		const {upload: old} = await beds.put('racer', {wav: musicBedWav(), durationMs: 8000});
		await beds.put('racer', {wav: otherBed, durationMs: 3000});
		// What a worker holding the old name finds: no object, rather than bytes that are not the old bed.
		expect(await beds.localCopy('racer', old, cacheDir)).toBeUndefined();
		const source = await musicBedSource({config: on, tenant: 'racer', beds, cacheDir});
		if (source.status !== 'uploaded') throw new Error(`expected the upload, got ${source.status}`);
		expect((await readFile(source.file)).equals(otherBed)).toBe(true);
	});

	it('the retention sweep leaves tenants\' beds in the bucket, however old', async () => {
		const redis = connectRedis(inject('redisUrl'));
		try {
			const store = makeRenderStore({redis, prefix: `bed-store-${randomUUID().slice(0, 8)}:`});
			await beds.put('sweepme', {wav: musicBedWav(), durationMs: 8000});
			const {deleted} = await sweepExpiredRenders({storage, store, olderThanDays: 1, now: Date.now() + 365 * 86_400_000});
			expect(deleted).not.toContain('tenants');
			expect(await keysOf(storage, 'sweepme')).toHaveLength(2);
			expect(await beds.get('sweepme')).toMatchObject({durationMs: 8000});
		} finally {
			redis.disconnect();
		}
	});
});
