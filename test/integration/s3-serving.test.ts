import {existsSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {join} from 'node:path';
import {buffer} from 'node:stream/consumers';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {makeApp} from '../../server/api/app';
import {makeMetrics} from '../../server/platform/metrics';
import {makeLogger} from '../../server/platform/logger';
import {artifactKey} from '../../server/renders/render-paths';
import {makeOutputSender} from '../../server/storage/output-sender';
import {signWatchToken} from '../../server/watch/watch-token';
import {freePort} from '../helpers/free-port';
import {startS3RenderedStack} from '../helpers/s3-render';
import {getLikeALink} from '../helpers/s3-server';
import type {TestStack} from '../helpers/test-stack';

/**
 * A render made by a worker writing to S3 and served by the API from S3 only: streamed with Range, or redirected to a
 * presigned URL. s3rver does not judge billcast's watch tokens, so their signature and expiry are checked here, at the
 * API, before any object is touched.
 */
describe('renders served from S3', () => {
	let stack: TestStack;
	let renderId: string;
	let video: Buffer;
	/** The same services behind an API that redirects instead of streaming. */
	let redirectBase: string;
	let redirectServer: Server;
	const s3 = inject('s3');

	beforeAll(async () => {
		({stack, renderId} = await startS3RenderedStack({name: 'serving', serve: 'stream'}));
		video = await buffer((await stack.storage.read(artifactKey(renderId, 'video')))!);

		const {services} = stack;
		const app = makeApp({
			config: {bodyLimit: '64kb', batchBodyLimit: '1mb', publicBaseUrl: stack.baseUrl, watchSecret: stack.watchSecret, adminKey: undefined},
			services: {...services, outputs: makeOutputSender({storage: services.storage, mode: 'redirect'})},
			logger: makeLogger({service: 'api', level: 'silent'}),
			metrics: makeMetrics(),
		});
		const port = await freePort();
		redirectServer = createServer(app);
		await new Promise<void>((resolve) => redirectServer.listen(port, '127.0.0.1', resolve));
		redirectBase = `http://127.0.0.1:${port}`;
	});
	afterAll(async () => {
		await new Promise((resolve) => redirectServer?.close(resolve));
		await stack?.close();
	});

	const token = (ttlDays = 1, now = new Date()) => signWatchToken({secret: stack.watchSecret, renderId, ttlDays, now});

	it('keeps nothing in the local renders folder: every output is an object', async () => {
		expect(existsSync(join(stack.rendersDir, renderId))).toBe(false);
		const keys = [];
		for await (const object of stack.storage.list(`${renderId}/`)) keys.push(object.key.slice(renderId.length + 1));
		expect(keys.sort()).toEqual(['captions.vtt', 'chapters.vtt', 'hotspots.json', 'poster.jpg', 'transcript.txt', 'video.mp4']);
		expect(video.subarray(4, 8).toString('latin1')).toBe('ftyp');
	});

	it('streams the video with Range through the API key and the watch link, and refuses a range past the end', async () => {
		const viaKey = await fetch(`${stack.baseUrl}/v1/renders/${renderId}/video.mp4`, {headers: {...stack.auth, range: 'bytes=100-199'}});
		expect(viaKey.status).toBe(206);
		expect(viaKey.headers.get('content-range')).toBe(`bytes 100-199/${video.length}`);
		expect(viaKey.headers.get('content-type')).toBe('video/mp4');
		expect(Buffer.from(await viaKey.arrayBuffer()).equals(video.subarray(100, 200))).toBe(true);

		const viaLink = await fetch(`${stack.baseUrl}/v1/watch/${token()}/video.mp4`, {headers: {range: `bytes=${video.length - 50}-`}});
		expect(viaLink.status).toBe(206);
		expect(Buffer.from(await viaLink.arrayBuffer()).equals(video.subarray(video.length - 50))).toBe(true);

		const whole = await fetch(`${stack.baseUrl}/v1/watch/${token()}/video.mp4`);
		expect(whole.status).toBe(200);
		expect(Number(whole.headers.get('content-length'))).toBe(video.length);
		expect(Buffer.from(await whole.arrayBuffer()).equals(video)).toBe(true);

		const past = await fetch(`${stack.baseUrl}/v1/watch/${token()}/video.mp4`, {headers: {range: `bytes=${video.length}-`}});
		expect(past.status).toBe(416);
		expect(past.headers.get('content-range')).toBe(`bytes */${video.length}`);
	});

	it('streams the captions, hotspots and poster, and the player data links them', async () => {
		const data = (await (await fetch(`${stack.baseUrl}/v1/watch/${token()}`)).json()) as {links: Record<string, string>};
		expect(Object.keys(data.links).sort()).toEqual(['captions.vtt', 'chapters.vtt', 'events', 'formats', 'hotspots.json', 'video.mp4']);
		const captions = await fetch(`${stack.baseUrl}${data.links['captions.vtt']}`);
		expect(captions.headers.get('content-type')).toMatch(/^text\/vtt/);
		expect(await captions.text()).toMatch(/^WEBVTT/);
		expect(JSON.parse(await (await fetch(`${stack.baseUrl}${data.links['hotspots.json']}`)).text())).toHaveProperty('hotspots');
		const poster = await fetch(`${stack.baseUrl}/v1/watch/${token()}/poster.jpg`);
		expect(poster.headers.get('content-type')).toBe('image/jpeg');
		expect(Buffer.from(await poster.arrayBuffer()).subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
	});

	it('redirects to a presigned URL that answers Range, and lets the watch page load from the bucket', async () => {
		for (const path of [`/v1/renders/${renderId}/video.mp4`, `/v1/watch/${token()}/video.mp4`]) {
			const answer = await getLikeALink(`${redirectBase}${path}`, stack.auth);
			expect(answer.status).toBe(302);
			expect(answer.headers['cache-control']).toBe('no-store');
			expect(answer.headers.vary?.split(', ')).toEqual(expect.arrayContaining(['Origin', 'Sec-Fetch-Mode']));
			const location = new URL(answer.headers.location!);
			expect(location.origin).toBe(s3.endpoint);
			expect(location.searchParams.get('X-Amz-Expires')).toBe('3600');
			const ranged = await fetch(location, {headers: {range: 'bytes=0-99'}});
			expect(ranged.status).toBe(206);
			expect(ranged.headers.get('content-type')).toBe('video/mp4');
			expect(Buffer.from(await ranged.arrayBuffer()).equals(video.subarray(0, 100))).toBe(true);
		}
		expect((await getLikeALink(`${redirectBase}/v1/watch/${token()}/poster.jpg`)).status).toBe(302);
		const page = await fetch(`${redirectBase}/w/${token()}`);
		expect(page.headers.get('content-security-policy')).toContain(`media-src 'self' blob: data: ${s3.endpoint}`);
	});

	it('checks the watch token at the API before any object: a tampered link is 404 and an expired one 410, in both modes', async () => {
		const good = token();
		const tampered = `${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`;
		const expired = token(1, new Date(Date.now() - 2 * 86_400_000));
		for (const base of [stack.baseUrl, redirectBase]) {
			for (const file of ['video.mp4', 'captions.vtt', 'poster.jpg']) {
				const forged = await fetch(`${base}/v1/watch/${tampered}/${file}`, {redirect: 'manual'});
				expect(forged.status).toBe(404);
				expect(forged.headers.get('location')).toBeNull();
				const old = await fetch(`${base}/v1/watch/${expired}/${file}`, {redirect: 'manual'});
				expect(old.status).toBe(410);
				expect(old.headers.get('location')).toBeNull();
			}
			// Another tenant's key does not open this render's video either.
			expect((await fetch(`${base}/v1/renders/${renderId}/video.mp4`, {headers: stack.otherAuth, redirect: 'manual'})).status).toBe(404);
		}
	});
});
