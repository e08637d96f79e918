import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';

let stack: TestStack;

// `npm start`'s configuration: files under a `.data` dot-folder and links on http://localhost:<port>, as a new user has.
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: true, npmStartConfig: true});
});
afterAll(async () => {
	await stack?.close();
});

const attributeLinks = (page: string, base: string): string[] =>
	[...page.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((match) => new URL(match[1]!.replaceAll('&amp;', '&'), base).href);

/** Every URL-valued string anywhere in a JSON answer, absolute or from the root (the watch data's links). */
const jsonLinks = (value: unknown, base: string): string[] => {
	if (typeof value === 'string') return /^(https?:\/\/|\/[^/])/.test(value) ? [new URL(value, base).href] : [];
	if (Array.isArray(value)) return value.flatMap((item) => jsonLinks(item, base));
	if (value && typeof value === 'object') return Object.values(value).flatMap((item) => jsonLinks(item, base));
	return [];
};

describe('every link billcast advertises answers', () => {
	it('API, watch data and watch page links, with the README defaults', async () => {
		expect(stack.rendersDir).toMatch(/\/\.data\/renders$/);
		const origin = new URL(stack.baseUrl).origin;
		const post = await fetch(`${stack.baseUrl}/v1/batches`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify([{template: 'telco-bill', scale: 0.2, bill: {...shortBill, customer: {...shortBill.customer, id: 'CUST-LINKS'}}}]),
		});
		expect(post.status).toBe(202);
		const batch = (await post.json()) as {links: Record<string, string>};
		const csv = await (await fetch(batch.links.exportCsv!, {headers: stack.auth})).text();
		const [renderId, watch] = csv.trim().split('\n')[1]!.split(',').slice(1, 3) as [string, string];
		expect((await waitForRender(stack, renderId)).status).toBe('completed');

		const seen = new Map<string, number>();
		const pending: string[] = [...jsonLinks(batch, origin), watch, `${watch}?player=mp4`, watch.replace('/w/', '/v1/watch/'), `${origin}/v1/renders/${renderId}`];
		const follow = async (url: string): Promise<string[]> => {
			const parsed = new URL(url);
			// The checkout and logos live on the tenant's hosts, not billcast's.
			if (parsed.origin !== origin) return [];
			const headers = parsed.pathname.startsWith('/v1/watch/') || parsed.pathname.startsWith('/w/') || parsed.pathname.startsWith('/player/') ? {} : stack.auth;
			if (parsed.pathname.endsWith('/events') && parsed.pathname.startsWith('/v1/watch/')) {
				const response = await fetch(url, {method: 'POST', headers: {'content-type': 'text/plain'}, body: '{"type":"view_started"}'});
				seen.set(`POST ${url}`, response.status);
				return [];
			}
			const abort = new AbortController();
			const response = await fetch(url, {headers, signal: abort.signal});
			seen.set(url, response.status);
			const type = response.headers.get('content-type') ?? '';
			if (type.startsWith('text/event-stream')) {
				abort.abort();
				return [];
			}
			if (type.startsWith('video/')) {
				const ranged = await fetch(url, {headers: {...headers, range: 'bytes=0-99'}});
				seen.set(`${url} (bytes=0-99)`, ranged.status);
				expect(ranged.headers.get('content-range')).toMatch(/^bytes 0-99\//);
				expect((await ranged.arrayBuffer()).byteLength).toBe(100);
				await response.body?.cancel();
				return [];
			}
			if (type.startsWith('application/json') || type.startsWith('application/problem+json')) return jsonLinks(await response.json(), url);
			if (type.startsWith('text/html')) return attributeLinks(await response.text(), url);
			await response.arrayBuffer();
			return [];
		};
		while (pending.length > 0) {
			const url = pending.shift()!;
			if (seen.has(url)) continue;
			pending.push(...(await follow(url)));
		}
		const paths = [...seen.keys()].map((key) => key.replace(origin, '').replace(/\/(w|watch)\/[^/?\s]+/, '/$1/:token').replace(renderId, ':id'));
		// The checker reached every kind of link: a watch page and its script, the MP4 by range, captions, hotspots.
		expect(paths).toEqual(
			expect.arrayContaining([
				'/w/:token',
				'/w/:token?player=mp4',
				'/v1/renders/:id/video.mp4 (bytes=0-99)',
				'/v1/watch/:token/video.mp4 (bytes=0-99)',
				'/v1/watch/:token/captions.vtt',
				'/v1/watch/:token/hotspots.json',
				'POST /v1/watch/:token/events',
			]),
		);
		expect(paths.some((path) => path.startsWith('/player/'))).toBe(true);
		const failing = [...seen].filter(([key, status]) => !(key.endsWith('(bytes=0-99)') ? status === 206 : status >= 200 && status < 300));
		expect(failing).toEqual([]);
	});
});
