import {request} from 'node:http';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {startTestStack, type TestStack} from '../helpers/test-stack';

/** The bytes as sent, so the encoding the server chose is what the test decodes. */
const rawGet = (url: string, headers: Record<string, string>) =>
	new Promise<{status: number; headers: Record<string, string | string[] | undefined>; body: Buffer}>((resolve, reject) => {
		request(url, {headers}, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks)}));
		})
			.on('error', reject)
			.end();
	});

const decode = {br: brotliDecompressSync, gzip: gunzipSync, identity: (bytes: Buffer) => bytes};
/** Each page carries its own CSP nonce; everything else must match byte for byte. */
const withoutNonces = (html: string) => html.replaceAll(/nonce="[^"]+"/g, 'nonce=""');

describe('the watch page and the player data are compressed by what the viewer accepts', () => {
	let stack: TestStack;
	let watch: string;
	beforeAll(async () => {
		stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
		const created = await fetch(`${stack.baseUrl}/v1/renders`, {
			method: 'POST',
			headers: {...stack.auth, 'content-type': 'application/json'},
			body: JSON.stringify({template: 'telco-bill', bill: sampleTelcoBill}),
		});
		watch = ((await created.json()) as {links: {watch: string}}).links.watch;
	});
	afterAll(() => stack.close());

	it('sends the same page as br, gzip or plain, with Vary: Accept-Encoding', async () => {
		const plain = await rawGet(watch, {});
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(plain.body.toString()).toContain('<!doctype html>');
		for (const [accept, encoding] of [
			['gzip, deflate, br, zstd', 'br'],
			['gzip', 'gzip'],
			['zstd', 'identity'],
		] as const) {
			const answer = await rawGet(watch, {'accept-encoding': accept});
			expect(answer.status).toBe(200);
			expect(answer.headers['content-encoding'] ?? 'identity', accept).toBe(encoding);
			expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
			expect(withoutNonces(decode[encoding](answer.body).toString())).toBe(withoutNonces(plain.body.toString()));
		}
	});

	it('sends the player script as br to a browser, compressed once and tagged per encoding', async () => {
		const plain = await rawGet(watch, {});
		const src = /<script nonce="[^"]+" src="([^"]+)"/.exec(plain.body.toString())![1]!;
		const chrome = await rawGet(`${stack.baseUrl}${src}`, {'accept-encoding': 'gzip, deflate, br, zstd'});
		expect(chrome.headers['content-encoding']).toBe('br');
		expect(chrome.headers.etag).toMatch(/-br"$/);
		const gzip = await rawGet(`${stack.baseUrl}${src}`, {'accept-encoding': 'gzip'});
		expect(brotliDecompressSync(chrome.body).equals(gunzipSync(gzip.body))).toBe(true);
	});

	it('gives each view its own nonce, the one its CSP names, while the page itself is built once', async () => {
		const views = await Promise.all([rawGet(watch, {}), rawGet(watch, {})]);
		const nonces = views.map(({headers, body}) => {
			const csp = /script-src 'nonce-([^']+)'/.exec(String(headers['content-security-policy']))![1]!;
			const inPage = new Set([...body.toString().matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]));
			expect([...inPage]).toEqual([csp]);
			return csp;
		});
		expect(nonces[0]).not.toBe(nonces[1]);
	});

	it('compresses the player data and the page a broken link gets', async () => {
		const data = await rawGet(watch.replace('/w/', '/v1/watch/'), {'accept-encoding': 'br'});
		expect(data.status).toBe(200);
		expect(data.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(data.headers['content-encoding']).toBe('br');
		expect(JSON.parse(brotliDecompressSync(data.body).toString())).toMatchObject({template: 'telco-bill', bill: {customer: {name: sampleTelcoBill.customer.name}}});
		const broken = await rawGet(`${watch}x`, {'accept-encoding': 'gzip'});
		expect(broken.status).toBe(404);
		expect(broken.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(broken.body).toString()).toContain('<!doctype html>');
	});
});
