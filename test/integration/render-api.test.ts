import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {readFileSync, rmSync, statSync} from 'node:fs';
import {buildTelcoTimeline} from '../../src/templates/telco-bill/telco-timeline';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {artifactPath, videoPath} from '../../server/renders/render-paths';
import {renderJobId} from '../../server/renders/render-queue';
import {ffprobe} from '../helpers/ffprobe';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';


let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: true});
});
afterAll(async () => {
	await stack?.close();
});

const post = (body: string, contentType = 'application/json') =>
	fetch(`${stack.baseUrl}/v1/renders`, {method: 'POST', headers: {'content-type': contentType, ...stack.auth}, body});

const expectProblem = async (response: Response, status: number, code: string) => {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
	const problem = (await response.json()) as {code: string; status: number; detail: string; errors?: {path: string}[]};
	expect(problem).toMatchObject({code, status});
	return problem;
};

describe('bad input is refused with problem+json naming the field', () => {
	it('invalid JSON', async () => {
		await expectProblem(await post('{"template": "telco-bill", '), 400, 'malformed_json');
	});

	it('missing fields and wrong types', async () => {
		const {customer: _, ...noCustomer} = sampleTelcoBill;
		const problem = await expectProblem(
			await post(JSON.stringify({template: 'telco-bill', bill: {...noCustomer, amountDue: '68.40'}})),
			422,
			'validation_failed',
		);
		expect(problem.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['bill.customer', 'bill.amountDue']));
	});

	it('unknown template', async () => {
		const problem = await expectProblem(await post(JSON.stringify({template: 'nope', bill: sampleTelcoBill})), 422, 'validation_failed');
		expect(problem.errors?.[0]?.path).toBe('template');
	});

	it('an oversized body', async () => {
		const huge = JSON.stringify({template: 'telco-bill', bill: {...sampleTelcoBill, note: 'x'.repeat(100_000)}});
		await expectProblem(await post(huge), 413, 'payload_too_large');
	});

	it('a body that is not JSON', async () => {
		await expectProblem(await post('template=telco-bill', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
	});

	it('an unknown render id', async () => {
		await expectProblem(await fetch(`${stack.baseUrl}/v1/renders/nope`, {headers: stack.auth}), 404, 'not_found');
	});

	it('a job that is not a render does not stop the worker', async () => {
		await stack.store.create({id: 'broken-job', tenant: stack.tenantId, template: 'telco-bill', format: 'landscape'});
		await stack.queue.queue.add('render', {renderId: 'broken-job'} as never, {jobId: 'broken-job', attempts: 1});
		const failed = await waitForRender(stack, 'broken-job');
		expect(failed).toMatchObject({status: 'failed', error: {code: 'invalid_job'}});
	});
});

describe('a bill goes in, an MP4 comes out', () => {
	it('renders at reduced scale, reports progress, and serves the file with Range support', async () => {
		// The job stays open after its record says completed until the test lets its worker tidy the browser: the moment a
		// bill posted again found a job BullMQ would neither remove nor add again, and the render stayed queued for ever.
		const browser = stack.worker!.browser;
		const tidy = browser.tidy.bind(browser);
		let letJobEnd!: () => void;
		const jobMayEnd = new Promise<void>((resolve) => (letJobEnd = resolve));
		browser.tidy = async () => {
			await jobMayEnd;
			return tidy();
		};
		const response = await post(JSON.stringify({template: 'telco-bill', bill: shortBill, scale: 0.25}));
		expect(response.status).toBe(202);
		const created = (await response.json()) as {id: string; status: string; links: {self: string; video: string}};
		expect(created.status).toBe('queued');
		expect(created.id).not.toMatch(/:/);
		expect(created.links.self).toBe(`${stack.baseUrl}/v1/renders/${created.id}`);

		const seen = new Set<string>();
		const done = await waitForRender(stack, created.id, (body) => {
			seen.add(body.status);
			return body.status === 'completed' || body.status === 'failed';
		});
		expect(done.status).toBe('completed');
		expect(seen.has('rendering') || seen.has('queued')).toBe(true);

		const timeline = buildTelcoTimeline({bill: shortBill, format: 'landscape'});
		const file = videoPath(stack.rendersDir, created.id);
		const probe = ffprobe(file);
		const video = probe.streams.find((stream) => stream.codec_name === 'h264');
		expect(video).toMatchObject({width: 320, height: 180});
		expect(Math.abs(Number(probe.format.duration) - timeline.durationInFrames / timeline.fps)).toBeLessThanOrEqual(1 / timeline.fps);
		expect(done).toMatchObject({
			progress: 1,
			output: {width: 320, height: 180, bytes: statSync(file).size, frames: timeline.durationInFrames},
		});

		const manifest = JSON.parse(readFileSync(artifactPath(stack.rendersDir, created.id, 'hotspots'), 'utf8'));
		// A paid bill without a PDF keeps only the brand's "email us" button.
		expect(manifest).toMatchObject({durationInFrames: timeline.durationInFrames, hotspots: timeline.hotspots});
		expect(manifest.hotspots.map((hotspot: {kind: string}) => hotspot.kind)).toEqual(['mail']);
		expect(readFileSync(artifactPath(stack.rendersDir, created.id, 'captions'), 'utf8')).toContain('Paid. Thank you!');
		expect(readFileSync(artifactPath(stack.rendersDir, created.id, 'chapters'), 'utf8').match(/-->/g)).toHaveLength(timeline.scenes.length);
		expect(readFileSync(artifactPath(stack.rendersDir, created.id, 'transcript'), 'utf8')).toContain('Hi Giulia Rossi');
		const poster = readFileSync(artifactPath(stack.rendersDir, created.id, 'poster'));
		expect(poster.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);

		const ranged = await fetch(created.links.video, {headers: {Range: 'bytes=100-199', ...stack.auth}});
		expect(ranged.status).toBe(206);
		expect(ranged.headers.get('content-type')).toBe('video/mp4');
		expect(ranged.headers.get('content-range')).toBe(`bytes 100-199/${statSync(file).size}`);
		const bytes = Buffer.from(await ranged.arrayBuffer());
		expect(bytes.equals(readFileSync(file).subarray(100, 200))).toBe(true);

		const again = await post(JSON.stringify({template: 'telco-bill', bill: shortBill, scale: 0.25}));
		expect(((await again.json()) as {id: string; status: string})).toMatchObject({id: created.id, status: 'completed'});

		// The data folder deleted while Redis kept the record (a new clone beside the same Redis): the same bill posted
		// again renders its video again instead of pointing at a file that is gone, even while its first job is ending.
		rmSync(file);
		const lost = await post(JSON.stringify({template: 'telco-bill', bill: shortBill, scale: 0.25}));
		expect(((await lost.json()) as {id: string; status: string})).toMatchObject({id: created.id, status: 'queued'});
		expect(await stack.queue.queue.getJobState(renderJobId(created.id))).toBe('active');
		letJobEnd();
		expect(await waitForRender(stack, created.id)).toMatchObject({status: 'completed'});
		expect(statSync(file).size).toBeGreaterThan(0);
	});
});
