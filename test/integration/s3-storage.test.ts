import {randomBytes, randomUUID} from 'node:crypto';
import {Readable} from 'node:stream';
import {buffer} from 'node:stream/consumers';
import {beforeAll, describe, expect, inject, it} from 'vitest';
import {loadConfig} from '../../server/platform/config';
import {connectRedis} from '../../server/platform/redis-connection';
import {makeRenderStore} from '../../server/renders/render-store';
import {makeS3Client, makeS3Storage} from '../../server/storage/s3-storage';
import type {S3StorageConfig} from '../../server/platform/storage-config';
import type {RenderStorage} from '../../server/storage/render-storage';
import {sweepExpiredRenders} from '../../server/worker/retention';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {S3RVER_CREDENTIALS, s3StorageEnv} from '../helpers/s3-server';

const MiB = 1024 * 1024;

describe('S3 render storage against a real S3-compatible server', () => {
	let storage: RenderStorage;
	/** The commands the SDK sent, to tell a multipart upload from a single PUT. */
	const sent: string[] = [];
	beforeAll(() => {
		// The SDK takes credentials from the environment, as it does on a machine with AWS keys.
		Object.assign(process.env, S3RVER_CREDENTIALS);
		const config = loadConfig(s3StorageEnv(inject('s3'), {prefix: `storage-${randomUUID().slice(0, 8)}`, serve: 'redirect'}));
		const client = makeS3Client(config.storage as S3StorageConfig);
		client.middlewareStack.add((next, context) => (args) => (sent.push(context.commandName ?? ''), next(args)), {step: 'initialize'});
		storage = makeS3Storage(config.storage as S3StorageConfig, client);
	});

	it('uploads a stream larger than one part in parts, and reads it whole, by range and through a presigned URL', async () => {
		const data = randomBytes(6 * MiB + 123);
		// Chunks of unknown total length, as an encoder's output arrives: lib-storage must split it into 5 MiB parts.
		const stream = Readable.from((function* () {
			for (let at = 0; at < data.length; at += 256 * 1024) yield data.subarray(at, at + 256 * 1024);
		})());
		sent.length = 0;
		await storage.put('r_big/video.mp4', stream, 'video/mp4');
		expect(sent.filter((name) => name === 'UploadPartCommand')).toHaveLength(2);
		expect(sent).toContain('CompleteMultipartUploadCommand');

		expect(await storage.stat('r_big/video.mp4')).toMatchObject({key: 'r_big/video.mp4', bytes: data.length});
		expect((await buffer((await storage.read('r_big/video.mp4'))!)).equals(data)).toBe(true);
		// A range across the boundary between the two parts.
		const range = {start: 5 * MiB - 10, end: 5 * MiB + 9};
		expect((await buffer((await storage.read('r_big/video.mp4', range))!)).equals(data.subarray(range.start, range.end + 1))).toBe(true);

		const url = await storage.signedUrl('r_big/video.mp4', {expiresInSeconds: 60, contentType: 'video/mp4'});
		expect(url).toMatch(/X-Amz-Signature=/);
		expect(new URL(url!).origin).toBe(storage.signedUrlOrigin);
		const ranged = await fetch(url!, {headers: {range: 'bytes=100-199'}});
		expect(ranged.status).toBe(206);
		expect(ranged.headers.get('content-type')).toBe('video/mp4');
		expect(Buffer.from(await ranged.arrayBuffer()).equals(data.subarray(100, 200))).toBe(true);
	});

	it('answers nothing for a missing object, lists a prefix and deletes', async () => {
		expect(await storage.stat('r_none/video.mp4')).toBeUndefined();
		expect(await storage.read('r_none/video.mp4')).toBeUndefined();
		await storage.put('r_list/captions.vtt', 'WEBVTT\n', 'text/vtt');
		await storage.put('r_list/poster.jpg', Buffer.from([0xff, 0xd8]), 'image/jpeg');
		await storage.put('r_listed_not/poster.jpg', 'x', 'image/jpeg');
		const listed = [];
		for await (const object of storage.list('r_list/')) listed.push(object.key);
		expect(listed.sort()).toEqual(['r_list/captions.vtt', 'r_list/poster.jpg']);

		await storage.delete(listed);
		expect(await storage.exists('r_list/captions.vtt')).toBe(false);
		expect(await storage.exists('r_listed_not/poster.jpg')).toBe(true);
	});

	it('sweeps renders whose newest object is older than the retention, by listing the prefix', async () => {
		const redis = connectRedis(inject('redisUrl'));
		const store = makeRenderStore({redis, prefix: `s3-retention-${randomUUID().slice(0, 8)}:`});
		try {
			for (const id of ['r_old', 'r_new']) await store.create({id, tenant: 't', template: 'telco-bill', format: 'landscape', bill: sampleTelcoBill});
			await storage.put('r_old/video.mp4', 'old', 'video/mp4');
			const old = (await storage.stat('r_old/video.mp4'))!;
			// S3 keeps modification times to the second: the newer render is written in a later second.
			while (Date.now() < old.modifiedMs + 1000) await new Promise((resolve) => setTimeout(resolve, 50));
			await storage.put('r_new/video.mp4', 'new', 'video/mp4');
			await storage.put('r_new/poster.jpg', 'new', 'image/jpeg');
			const newest = (await storage.stat('r_new/video.mp4'))!;
			expect(newest.modifiedMs).toBeGreaterThan(old.modifiedMs);
			// 90 days after the newer render was written, less a millisecond: only the older one has expired.
			const now = newest.modifiedMs + 90 * 86_400_000 - 1;

			const {deleted} = await sweepExpiredRenders({storage, store, olderThanDays: 90, now});
			expect(deleted).toContain('r_old');
			expect(deleted).not.toContain('r_new');
			expect(await storage.exists('r_old/video.mp4')).toBe(false);
			expect(await store.get('r_old')).toBeUndefined();
			expect(await storage.exists('r_new/poster.jpg')).toBe(true);
			expect(await store.get('r_new')).toMatchObject({status: 'queued'});
		} finally {
			await store.delete('r_new');
			redis.disconnect();
		}
	});
});
