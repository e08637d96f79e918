import {describe, expect, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {ARTIFACT_TYPES, artifactKey} from '../../server/renders/render-paths';
import {useApiStack} from '../helpers/api-stack';

const stack = useApiStack();

const post = (path: string, body: unknown) =>
	fetch(`${stack.baseUrl}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth}, body: JSON.stringify(body)});
const output = {durationInSeconds: 1, frames: 30, fps: 30, width: 320, height: 180, bytes: 1000};
const video = Buffer.from('the MP4 made when the bill was sent');
const chapters = 'WEBVTT\n\n00:00.000 --> 00:05.000\nYour bill\n';

/** A finished render with its files in storage, as the worker leaves it. */
const rendered = async (customer: string) => {
	const bill = {...sampleTelcoBill, billNumber: `INV-${customer}`, customer: {...sampleTelcoBill.customer, id: customer}};
	const response = await post('/v1/renders', {template: 'telco-bill', bill, scale: 0.25});
	expect(response.status).toBe(202);
	const {id, links} = (await response.json()) as {id: string; links: {watch: string}};
	await stack.store.markCompleted(id, output);
	await stack.storage.put(artifactKey(id, 'video'), video, ARTIFACT_TYPES.video);
	await stack.storage.put(artifactKey(id, 'hotspots'), Buffer.from('{"hotspots":[]}'), ARTIFACT_TYPES.hotspots);
	await stack.storage.put(artifactKey(id, 'captions'), Buffer.from('WEBVTT\n'), ARTIFACT_TYPES.captions);
	await stack.storage.put(artifactKey(id, 'chapters'), Buffer.from(chapters), ARTIFACT_TYPES.chapters);
	return {id, token: links.watch.split('/w/')[1]!};
};

/** What Chromium sends when the customer taps the link in an SMS. */
const navigation = {'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'};

describe("a watch link's files", () => {
	it('serve chapters.vtt as they serve captions.vtt, and the watch data and OpenAPI list it', async () => {
		const {token} = await rendered('OUTPUTS-CHAPTERS');
		const base = `/v1/watch/${token}`;
		const data = (await (await fetch(`${stack.baseUrl}${base}`)).json()) as {links: Record<string, unknown>};
		expect(data.links['chapters.vtt']).toBe(`${base}/chapters.vtt`);
		const [served, captions] = await Promise.all([fetch(`${stack.baseUrl}${base}/chapters.vtt`), fetch(`${stack.baseUrl}${base}/captions.vtt`)]);
		expect(served.status).toBe(200);
		expect(await served.text()).toBe(chapters);
		for (const header of ['content-type', 'cache-control', 'access-control-allow-origin', 'accept-ranges']) {
			expect(served.headers.get(header), header).toBe(captions.headers.get(header));
		}
		expect(served.headers.get('content-type')).toMatch(/^text\/vtt/);
		// The token is the only key: a forged one opens nothing.
		expect((await fetch(`${stack.baseUrl}/v1/watch/${token.slice(0, -2)}xx/chapters.vtt`)).status).toBe(404);

		const document = (await (await fetch(`${stack.baseUrl}/openapi.json`)).json()) as {
			paths: Record<string, {get: {parameters: Array<{name: string; schema: {enum?: string[]}}>}}>;
		};
		expect(document.paths['/v1/watch/{token}/{file}']!.get.parameters.find((parameter) => parameter.name === 'file')!.schema.enum).toContain('chapters.vtt');
	});

	it("send a paid bill's video link, opened in a browser, to the watch page, and still play its bytes anywhere else", async () => {
		const {id, token} = await rendered('OUTPUTS-PAID');
		const link = `${stack.baseUrl}/v1/watch/${token}/video.mp4`;
		const get = (headers: Record<string, string>) => fetch(link, {headers, redirect: 'manual'});

		// Unpaid, the link opened from the SMS is the video itself.
		const unpaid = await get(navigation);
		expect(unpaid.status).toBe(200);
		expect(Buffer.from(await unpaid.arrayBuffer()).equals(video)).toBe(true);

		expect((await post(`/v1/renders/${id}/payment`, {amount: 6840, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z', reference: 'PSP-OUTPUTS'})).status).toBe(201);

		// Paid, a browser's navigation (told by Sec-Fetch-Dest, or by an Accept that prefers HTML) lands on the watch page.
		const pages: Record<string, string>[] = [navigation, {'sec-fetch-dest': 'document', accept: '*/*'}, {accept: 'text/html'}];
		for (const headers of pages) {
			const opened = await get(headers);
			expect(opened.status, JSON.stringify(headers)).toBe(303);
			expect(opened.headers.get('location')).toBe(`/w/${token}`);
			expect(opened.headers.get('cache-control')).toBe('no-store');
		}
		const page = await fetch(new URL(`/w/${token}`, link), {headers: navigation});
		expect(await page.text()).toMatch(/data-billcast-paid>.*We received €68\.40 on 20\u00a0November\u00a02026\. Thank you!/);

		// A <video> asks by range with Sec-Fetch-Dest: video; curl and download tools with */*: both still get the MP4.
		const played = await get({'sec-fetch-dest': 'video', accept: '*/*', range: 'bytes=0-2'});
		expect(played.status).toBe(206);
		expect(await played.text()).toBe(video.subarray(0, 3).toString());
		const fetched = await get({accept: '*/*'});
		expect(fetched.status).toBe(200);
		expect(Buffer.from(await fetched.arrayBuffer()).equals(video)).toBe(true);
		// One address, two answers by the request's headers: a cache must not hand the bytes to a navigation.
		expect(fetched.headers.get('vary')).toMatch(/Sec-Fetch-Dest.*Accept|Accept.*Sec-Fetch-Dest/);
	});
});
