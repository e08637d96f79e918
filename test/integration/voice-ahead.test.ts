import {statSync} from 'node:fs';
import {afterAll, beforeAll, expect, inject, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import type {WatchData} from '../../src/watch-data';
import {artifactPath} from '../../server/renders/render-paths';
import type {NarrationConfig} from '../../server/voice/narration-config';
import {startNarrator} from '../helpers/narrator';
import {untilNarrated, watchDataUrl} from '../helpers/watch-data';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';

const narration: NarrationConfig = {status: 'on', voices: {}, musicBed: {status: 'generated'}};

let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false, tenant: {narration}});
});
afterAll(async () => {
	await stack?.close();
});

const submit = async (customerId: string, bill: TelcoBill = sampleTelcoBill) => {
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({template: 'telco-bill', bill: {...bill, customer: {...bill.customer, id: customerId}}, format: 'landscape', scale: 0.2}),
	});
	expect(response.status).toBe(202);
	const {id, links} = (await response.json()) as {id: string; links: {watch: string}};
	return {id, data: watchDataUrl(stack.baseUrl, links.watch)};
};

const watchData = async (url: string): Promise<WatchData> => (await (await fetch(url)).json()) as WatchData;

it('the narration is synthesized ahead of the render: the watch data speaks while the video is still queued, and the render reuses it', async () => {
	const {id, data} = await submit('CUST-AHEAD');
	// Only the narration worker runs: no render can have started, so what the watch data shows came before the video.
	const narrator = startNarrator({stack, narration, logLevel: 'info'});
	try {
		const narrated = await untilNarrated(data);
		expect(narrated.narration?.speech.map((scene) => scene.sceneId)).toEqual(['greeting', 'total', 'breakdown', 'usage', 'due', 'close']);
		expect((await stack.store.get(id))?.status).toBe('queued');
		expect(narrated.links['video.mp4']).toBeUndefined();
		const track = await fetch(new URL(narrated.narration!.audioSrc, stack.baseUrl));
		expect([track.status, track.headers.get('content-type')]).toEqual([200, 'audio/mp4']);
		expect((await track.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
		const madeAt = statSync(artifactPath(stack.rendersDir, id, 'narration')).mtimeMs;

		await stack.startWorker();
		expect((await waitForRender(stack, id)).status).toBe('completed');
		// The render took the narration as made: the same speech, the track not written again.
		expect((await watchData(data)).narration?.speech).toEqual(narrated.narration?.speech);
		expect(statSync(artifactPath(stack.rendersDir, id, 'narration')).mtimeMs).toBe(madeAt);
	} finally {
		await narrator.close();
	}
});

it('with the worker running, a new render speaks in its watch data before its video is done (time printed)', async () => {
	const started = performance.now();
	// The shortest bill that asks to be paid: what is timed is the voice, and the video only has to follow it.
	const {id, data} = await submit('CUST-AHEAD-TIMED', {...shortBill, payment: sampleTelcoBill.payment});
	const narrated = await untilNarrated(data);
	const seconds = (performance.now() - started) / 1000;
	expect(narrated.narration).toBeDefined();
	expect(narrated.links['video.mp4']).toBeUndefined();
	console.log(`POST to watch data with narration: ${seconds.toFixed(2)} s`);
	expect((await waitForRender(stack, id)).status).toBe('completed');
});

it('a customer in a language billcast has no words for (fr-FR) reads and hears English, dates and amounts included, and the video renders', async () => {
	const bill = {...shortBill, customer: {...shortBill.customer, id: 'CUST-FR', locale: 'fr-FR'}, payment: sampleTelcoBill.payment};
	// The worker the tests above started, or one of its own when it runs alone.
	if (!stack.worker) await stack.startWorker();
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({template: 'telco-bill', bill, format: 'landscape', scale: 0.2}),
	});
	expect(response.status).toBe(202);
	const {id, links} = (await response.json()) as {id: string; links: {watch: string}};
	const narrated = await untilNarrated(watchDataUrl(stack.baseUrl, links.watch));
	const said = narrated.narration?.speech.flatMap((scene) => scene.sentences.map((sentence) => sentence.text)) ?? [];
	expect(said).toContain('Due by the twenty-first of November: thirty euros.');
	expect(said.join(' ')).not.toMatch(/novembre|trente|\d/);
	// Before, the worker looked for a French voice for these English words, found none and failed the render.
	expect((await waitForRender(stack, id)).status).toBe('completed');
	const page = await (await fetch(links.watch)).text();
	expect(page).toContain('<html lang="en-GB">');
	expect(page).toContain('€30.00');
});
