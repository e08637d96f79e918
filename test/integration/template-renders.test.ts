import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {utilityEdgeBills} from '../../src/templates/utility-bill/utility-edge-bills';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {computeRenderInput} from '../../src/render-input';
import type {TemplateBill} from '../../src/templates/registry';
import {artifactPath, videoPath} from '../../server/renders/render-paths';
import {ffprobe} from '../helpers/ffprobe';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: true});
});
afterAll(async () => {
	await stack?.close();
});

/** The shortest bill of each of the other two templates (the telco bill's MP4 is tested in render-api.test.ts). */
const shortest: Array<{name: string; input: TemplateBill}> = [
	{name: 'utility-bill', input: {template: 'utility-bill', bill: {...utilityEdgeBills['one-reading']!, payment: {status: 'paid'}, billPdfUrl: undefined}}},
	{name: 'payment-reminder', input: {template: 'payment-reminder', bill: reminderFixtures['ko-KR']}},
];

describe.each(shortest)('$name through the queue', ({input}) => {
	it('renders an MP4 in the square format with captions, chapters, transcript, hotspots and poster beside it', async () => {
		const response = await fetch(`${stack.baseUrl}/v1/renders`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify({...input, format: 'square', scale: 0.25}),
		});
		expect(response.status).toBe(202);
		const {id} = (await response.json()) as {id: string};
		const done = await waitForRender(stack, id);
		expect(done.status).toBe('completed');

		const {timeline} = computeRenderInput({...input, format: 'square'});
		const probe = ffprobe(videoPath(stack.rendersDir, id));
		expect(probe.streams.find((s) => s.codec_name === 'h264')).toMatchObject({width: 270, height: 270});
		expect(Math.abs(Number(probe.format.duration) - timeline.durationInFrames / timeline.fps)).toBeLessThanOrEqual(1 / timeline.fps);

		const read = (name: Parameters<typeof artifactPath>[2]) => readFileSync(artifactPath(stack.rendersDir, id, name));
		expect(JSON.parse(read('hotspots').toString()).hotspots.map((h: {kind: string}) => h.kind)).toEqual(timeline.hotspots.map((h) => h.kind));
		expect(read('captions').toString()).toMatch(/^WEBVTT\n/);
		expect(read('chapters').toString().match(/-->/g)).toHaveLength(timeline.scenes.length);
		expect(read('transcript').toString()).toContain(input.bill.customer.name);
		const poster = read('poster');
		expect(poster.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
	});
});

describe('the request schema follows the template', () => {
	it('refuses a utility bill sent as a telco bill, naming the fields', async () => {
		const response = await fetch(`${stack.baseUrl}/v1/renders`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify({template: 'telco-bill', bill: utilityEdgeBills['one-reading']}),
		});
		expect(response.status).toBe(422);
		const problem = (await response.json()) as {errors: Array<{path: string}>};
		expect(problem.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['bill.lineItems']));
	});
});
