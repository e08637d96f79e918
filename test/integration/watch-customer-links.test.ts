import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {ARTIFACT_TYPES, artifactKey} from '../../server/renders/render-paths';
import {ffprobe} from '../helpers/ffprobe';
import {useApiStack} from '../helpers/api-stack';

const stack = useApiStack();

const post = (path: string, body: unknown) =>
	fetch(`${stack.baseUrl}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth}, body: JSON.stringify(body)});
const billFor = (customer: string) => ({...sampleTelcoBill, billNumber: `INV-${customer}`, customer: {...sampleTelcoBill.customer, id: customer}});
const tokenOf = (watchLink: string) => watchLink.split('/w/')[1]!;
const output = {durationInSeconds: 1, frames: 30, fps: 30, width: 320, height: 180, bytes: 1000};
const payment = {amount: 6840, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z', reference: 'PSP-FORMATS'};

describe('a bill rendered in two formats and paid through one', () => {
	it('reads as paid on both links, and takes and counts one payment', async () => {
		const bill = billFor('FORMATS-1');
		const sent = await post('/v1/batches', [
			{template: 'telco-bill', format: 'landscape', scale: 0.25, bill},
			{template: 'telco-bill', format: 'portrait', scale: 0.25, bill},
		]);
		expect(sent.status).toBe(202);
		const batch = (await sent.json()) as {id: string; accepted: number};
		expect(batch.accepted).toBe(2);
		const rows = (await (await fetch(`${stack.baseUrl}/v1/batches/${batch.id}/export.ndjson`, {headers: stack.auth})).text())
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as {renderId: string; watchLink: string});
		const [landscape, portrait] = rows.map((row) => ({id: row.renderId, token: tokenOf(row.watchLink)})) as [{id: string; token: string}, {id: string; token: string}];
		expect(landscape.id).not.toBe(portrait.id);
		// Both rendered: the landscape link's data lists the portrait video as the same bill's.
		for (const {id} of [landscape, portrait]) {
			await stack.store.markCompleted(id, output);
			await stack.storage.put(artifactKey(id, 'video'), Buffer.from('not really an mp4'), ARTIFACT_TYPES.video);
			await stack.storage.put(artifactKey(id, 'hotspots'), Buffer.from('[]'), ARTIFACT_TYPES.hotspots);
		}
		const watchData = async (token: string) => (await (await fetch(`${stack.baseUrl}/v1/watch/${token}`)).json()) as {paid?: unknown; links: {formats: Record<string, unknown>}};
		expect(Object.keys((await watchData(landscape.token)).links.formats)).toEqual(['portrait']);
		expect(await (await fetch(`${stack.baseUrl}/w/${portrait.token}`)).text()).toContain('data-billcast-pay');

		expect((await post(`/v1/renders/${landscape.id}/payment`, payment)).status).toBe(201);

		for (const {token} of [landscape, portrait]) {
			expect((await watchData(token)).paid).toEqual({amount: 6840, currency: 'EUR', paidAt: payment.paidAt});
			const page = await (await fetch(`${stack.baseUrl}/w/${token}`)).text();
			expect(page).not.toContain('data-billcast-pay');
			expect(page).not.toContain('Pay €68.40 now');
			expect(page).toMatch(/data-billcast-paid>.*We received €68\.40 on 20\u00a0November\u00a02026\. Thank you!/);
		}

		// The other format's render is the same bill: the same reference is the same payment, another one a second payment.
		const again = await post(`/v1/renders/${portrait.id}/payment`, payment);
		expect(again.status).toBe(200);
		expect(await again.json()).toMatchObject({status: 'duplicate', payment: {renderId: landscape.id, reference: payment.reference}});
		const other = await post(`/v1/renders/${portrait.id}/payment`, {...payment, reference: 'PSP-OTHER'});
		expect(other.status).toBe(409);
		expect(await other.json()).toMatchObject({code: 'payment_conflict'});
		const byNumber = await post(`/v1/batches/${batch.id}/payments`, [{billNumber: bill.billNumber, ...payment}]);
		expect(((await byNumber.json()) as {results: Array<{status: string}>}).results.map((result) => result.status)).toEqual(['duplicate']);

		const analytics = (await (await fetch(`${stack.baseUrl}/v1/batches/${batch.id}/analytics`, {headers: stack.auth})).json()) as {
			counts: {paid: number};
			paidAmounts: unknown;
		};
		expect(analytics.counts.paid).toBe(1);
		expect(analytics.paidAmounts).toEqual([{currency: 'EUR', amount: 6840}]);
	});

	it('still reads as paid, on both, when the payment was kept under its render before payments were kept per bill', async () => {
		const bill = billFor('FORMATS-2');
		const [landscape, portrait] = (await Promise.all(
			(['landscape', 'portrait'] as const).map(async (format) => (await (await post('/v1/renders', {template: 'telco-bill', format, scale: 0.25, bill})).json()) as {id: string; links: {watch: string}}),
		)) as [{id: string; links: {watch: string}}, {id: string; links: {watch: string}}];
		const stored = {...payment, renderId: landscape.id, confirmedAt: '2026-11-20T09:31:00Z'};
		await stack.redis.set(`${stack.keyPrefix}payment:${landscape.id}`, JSON.stringify(stored));

		for (const {links} of [landscape, portrait]) {
			const data = (await (await fetch(`${stack.baseUrl}/v1/watch/${tokenOf(links.watch)}`)).json()) as {paid?: unknown};
			expect(data.paid).toEqual({amount: 6840, currency: 'EUR', paidAt: payment.paidAt});
		}
		const other = await post(`/v1/renders/${portrait.id}/payment`, {...payment, reference: 'PSP-OTHER'});
		expect(other.status).toBe(409);
	});
});

describe("a failed render's poster link", () => {
	it('answers a placeholder image in its format at once, briefly cacheable, on the watch link and the API', async () => {
		const formats = {landscape: [32, 18], portrait: [18, 32], square: [18, 18]} as const;
		const dir = mkdtempSync(join(tmpdir(), 'watch-failed-poster-'));
		for (const [format, [width, height]] of Object.entries(formats)) {
			const response = await post('/v1/renders', {template: 'telco-bill', format, scale: 0.25, bill: billFor(`FAILED-${format}`)});
			expect(response.status).toBe(202);
			const render = (await response.json()) as {id: string; links: {poster: string}};
			await stack.store.markFailed(render.id, {code: 'render_failed', message: 'The brand logo (brand.logoUrl) could not be loaded'});

			const started = Date.now();
			const [linked, api] = await Promise.all([fetch(render.links.poster), fetch(`${stack.baseUrl}/v1/renders/${render.id}/poster.jpg`, {headers: stack.auth})]);
			// No poster job is waited for: it would fail as the render did.
			expect(Date.now() - started).toBeLessThan(2_000);
			for (const answer of [linked, api]) {
				expect(answer.status).toBe(200);
				expect(answer.headers.get('content-type')).toBe('image/jpeg');
				expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
			}
			const file = join(dir, `${format}.jpg`);
			writeFileSync(file, Buffer.from(await linked.arrayBuffer()));
			expect(Buffer.from(await api.arrayBuffer()).equals(Buffer.from(await (await fetch(render.links.poster)).arrayBuffer()))).toBe(true);
			expect(ffprobe(file).streams[0]).toMatchObject({codec_name: 'mjpeg', width, height});
		}
	});
});

describe('a watch link cut short before its token', () => {
	it('answers the localized "link does not work" page, like a broken token', async () => {
		const get = (path: string) => fetch(`${stack.baseUrl}${path}`, {headers: {'accept-language': 'it-IT,it;q=0.9,en;q=0.5', accept: 'text/html'}});
		const broken = await get('/w/not-a-token');
		const withoutNonce = (text: string) => text.replace(/nonce-[^']+'|nonce="[^"]+"/g, 'NONCE');
		const expected = withoutNonce(await broken.text());
		expect(expected).toContain('Questo link non funziona');
		for (const path of ['/w', '/w/']) {
			const response = await get(path);
			expect(response.status, path).toBe(404);
			expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
			expect(response.headers.get('cache-control')).toBe('no-store');
			expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
			expect(withoutNonce(await response.text())).toBe(expected);
		}
	});
});
