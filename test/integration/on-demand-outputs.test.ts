import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {ffprobe} from '../helpers/ffprobe';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, type TestStack} from '../helpers/test-stack';
import {renderJobId} from '../../server/renders/render-queue';

let stack: TestStack;
beforeAll(async () => {
	// No worker yet: the watch links must work before anything can render.
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
});
afterAll(async () => {
	await stack?.close();
});

const line = (customer: string) =>
	JSON.stringify({
		template: 'telco-bill',
		scale: 0.25,
		outputs: {mp4: 'on-demand', poster: 'on-demand'},
		bill: {...shortBill, customer: {...shortBill.customer, id: customer}},
	});

interface Row {
	customerReference: string;
	renderId: string;
	watchLink: string;
	status: string;
	videoLink: string;
	posterLink: string;
	mp4: string;
}

describe('a billing cycle with its MP4s and posters on demand', () => {
	let rows: Row[];

	it('is accepted without queueing a render, and the export lists each output and its link', async () => {
		const response = await fetch(`${stack.baseUrl}/v1/batches`, {
			method: 'POST',
			headers: {'content-type': 'application/x-ndjson', ...stack.auth},
			body: `${line('OD-1')}\n${line('OD-2')}\n`,
		});
		expect(response.status).toBe(202);
		const batch = (await response.json()) as {id: string; accepted: number; links: {exportNdjson: string; exportCsv: string}};
		expect(batch.accepted).toBe(2);
		expect(await stack.queue.queue.getJobCountByTypes('prioritized', 'waiting', 'active')).toBe(0);
		const view = (await (await fetch(`${stack.baseUrl}/v1/batches/${batch.id}`, {headers: stack.auth})).json()) as {renders: Record<string, number>; progress: number};
		expect(view.renders).toMatchObject({'on-demand': 2, queued: 0});
		expect(view.progress).toBe(1);
		rows = (await (await fetch(batch.links.exportNdjson, {headers: stack.auth})).text())
			.trim()
			.split('\n')
			.map((text) => JSON.parse(text) as Row);
		expect(rows.map((row) => [row.customerReference, row.status, row.mp4])).toEqual([
			['OD-1', 'on-demand', 'on-demand'],
			['OD-2', 'on-demand', 'on-demand'],
		]);
		expect(rows[0]!.videoLink).toMatch(/\/v1\/watch\/[^/]+\/video\.mp4$/);
		expect(rows[0]!.posterLink).toMatch(/\/v1\/watch\/[^/]+\/poster\.jpg$/);
		const csv = (await (await fetch(batch.links.exportCsv, {headers: stack.auth})).text()).split('\n');
		expect(csv[0]).toBe('customer_reference,render_id,watch_link,status,video_link,poster_link,mp4');
		// The links carry their expiry in seconds, so two exports a second apart may differ in them, never in the rest.
		const [reference, renderId, , status, videoLink, posterLink, mp4] = csv[1]!.split(',');
		expect([reference, renderId, status, mp4]).toEqual(['OD-1', rows[0]!.renderId, 'on-demand', 'on-demand']);
		expect([videoLink, posterLink]).toEqual([expect.stringMatching(/\/video\.mp4$/), expect.stringMatching(/\/poster\.jpg$/)]);
	});

	it('has a working watch link before any render: the page and the live player data', async () => {
		const page = await fetch(rows[0]!.watchLink);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(shortBill.customer.name);
		const token = new URL(rows[0]!.watchLink).pathname.split('/').pop()!;
		const data = (await (await fetch(`${stack.baseUrl}/v1/watch/${token}`)).json()) as {bill: {customer: {id: string}}; links: Record<string, unknown>};
		expect(data.bill.customer.id).toBe('OD-1');
		expect(data.links['video.mp4']).toBeUndefined();
	});

	it('renders the MP4 once at its first requests, however many arrive at once, then serves it with Range', async () => {
		const {renderId, videoLink} = rows[0]!;
		const answers = await Promise.all(Array.from({length: 25}, (_, index) => fetch(index % 2 ? videoLink : `${stack.baseUrl}/v1/renders/${renderId}/video.mp4`, {headers: stack.auth})));
		expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 202));
		expect(answers[0]!.headers.get('retry-after')).toBe('3');
		const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as Array<{status: string; progress: number}>;
		expect(new Set(bodies.map((body) => body.status))).toEqual(new Set(['queued']));
		expect(await stack.queue.queue.getJobCountByTypes('waiting', 'prioritized', 'active', 'completed')).toBe(1);
		expect((await stack.queue.queue.getJob(renderJobId(renderId)))?.opts.priority ?? 0).toBe(0);
		// A customer opening the link in a browser gets a page that reloads itself until the video answers.
		const page = await fetch(videoLink, {headers: {accept: 'text/html,application/xhtml+xml,*/*;q=0.8'}});
		expect(page.status).toBe(202);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		expect(page.headers.get('refresh')).toBe('3');
		const pending = await page.text();
		expect(pending).toContain('Your video is being prepared');
		expect(pending).toMatch(/<p>\d{1,2}% done\. /);
		// The other bill nobody asked for stays on demand.
		expect((await stack.store.get(rows[1]!.renderId))?.status).toBe('on-demand');

		await stack.startWorker();
		await expect.poll(async () => (await fetch(videoLink)).status, {timeout: 120_000, interval: 500}).toBe(200);
		const full = Buffer.from(await (await fetch(videoLink)).arrayBuffer());
		const file = join(stack.rendersDir, 'probe.mp4');
		writeFileSync(file, full);
		expect(ffprobe(file).streams[0]).toMatchObject({codec_name: 'h264', width: 320, height: 180});
		const part = await fetch(videoLink, {headers: {range: 'bytes=0-99'}});
		expect(part.status).toBe(206);
		expect(Buffer.from(await part.arrayBuffer())).toEqual(full.subarray(0, 100));
		const api = await fetch(`${stack.baseUrl}/v1/renders/${renderId}/video.mp4`, {headers: {...stack.auth, range: 'bytes=100-199'}});
		expect(api.status).toBe(206);
		expect(await stack.queue.queue.getJobCountByTypes('completed')).toBe(1);
		expect((await stack.store.get(renderId))?.status).toBe('completed');
	}, 180_000);

	it('answers a poster on demand with an image, drawn at the first fetch without rendering the video', async () => {
		const {renderId, posterLink} = rows[1]!;
		const answers = await Promise.all([fetch(posterLink), fetch(`${stack.baseUrl}/v1/renders/${renderId}/poster.jpg`, {headers: stack.auth})]);
		for (const answer of answers) {
			expect(answer.status).toBe(200);
			expect(answer.headers.get('content-type')).toBe('image/jpeg');
			const image = Buffer.from(await answer.arrayBuffer());
			expect(image.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
			const file = join(stack.rendersDir, 'probe.jpg');
			writeFileSync(file, image);
			expect(ffprobe(file).streams[0]).toMatchObject({width: 320, height: 180});
		}
		expect((await stack.store.get(renderId))?.status).toBe('on-demand');
		expect(await stack.queue.queue.getJobCountByTypes('completed')).toBe(1);
	}, 60_000);

	it('starts an on-demand render when the same bill is sent again wanting its MP4 now, alone or in a batch', async () => {
		const bill = (customer: string) => ({template: 'telco-bill', scale: 0.25, bill: {...shortBill, customer: {...shortBill.customer, id: customer}}});
		const single = await fetch(`${stack.baseUrl}/v1/renders`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth}, body: JSON.stringify(bill('OD-2'))});
		const view = (await single.json()) as {id: string; status: string};
		expect(view.id).toBe(rows[1]!.renderId);
		expect(view.status).not.toBe('on-demand');
		expect(await stack.queue.queue.getJob(renderJobId(view.id))).toBeDefined();

		const batch = async (body: object) => {
			const answer = (await (
				await fetch(`${stack.baseUrl}/v1/batches`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth}, body: JSON.stringify([body])})
			).json()) as {links: {exportNdjson: string}};
			return JSON.parse(await (await fetch(answer.links.exportNdjson, {headers: stack.auth})).text()) as Row;
		};
		const first = await batch({...bill('OD-3'), outputs: {mp4: 'on-demand'}});
		expect(first.mp4).toBe('on-demand');
		const again = await batch(bill('OD-3'));
		expect(again.renderId).toBe(first.renderId);
		expect(again.mp4).not.toBe('on-demand');
		expect(await stack.queue.queue.getJob(renderJobId(first.renderId))).toBeDefined();
	});

	it("starts an on-demand render when the watch page is opened in MP4 mode, showing the live player meanwhile", async () => {
		// A French customer: the page that waits for the video is in English, and says so in its lang.
		const body = JSON.stringify({template: 'telco-bill', scale: 0.25, outputs: {mp4: 'on-demand'}, bill: {...shortBill, customer: {...shortBill.customer, id: 'OD-4', locale: 'fr-FR'}}});
		const render = (await (await fetch(`${stack.baseUrl}/v1/renders`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth}, body})).json()) as {
			id: string;
			status: string;
			outputs: unknown;
			links: {watch: string; poster: string};
		};
		expect(render).toMatchObject({status: 'on-demand', outputs: {mp4: 'on-demand', poster: 'render'}});
		expect(render.links.poster).toMatch(/\/v1\/watch\/[^/]+\/poster\.jpg$/);
		const page = await fetch(`${render.links.watch}?player=mp4`);
		expect(page.status).toBe(200);
		expect((await stack.store.get(render.id))?.status).not.toBe('on-demand');
		expect(await stack.queue.queue.getJob(renderJobId(render.id))).toBeDefined();
		const waiting = await fetch(new URL(`${new URL(render.links.watch).pathname.replace('/w/', '/v1/watch/')}/video.mp4`, stack.baseUrl), {headers: {accept: 'text/html'}});
		expect(waiting.status).toBe(202);
		const pending = await waiting.text();
		expect(pending).toContain('<html lang="en-GB">');
		expect(pending).toContain('Your video is being prepared');
	});

	it('publishes outputs in the OpenAPI document', async () => {
		const document = JSON.stringify(await (await fetch(`${stack.baseUrl}/openapi.json`)).json());
		const parsed = JSON.parse(document) as {components: {schemas: {RenderRequest: unknown}}; paths: Record<string, unknown>};
		expect(JSON.stringify(parsed.components.schemas.RenderRequest)).toContain('on-demand');
		expect(parsed.paths).toHaveProperty(['/v1/watch/{token}/poster.jpg']);
		expect(parsed.paths).toHaveProperty(['/v1/renders/{id}/poster.jpg']);
	});
});
