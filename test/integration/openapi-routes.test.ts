import {Ajv2020} from 'ajv/dist/2020.js';
import type {Express} from 'express';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {startTestStack, type TestStack} from '../helpers/test-stack';

/**
 * Served on purpose without an OpenAPI entry: pages and assets for people and browsers, operator tools, and the
 * document itself. Each reason says why it is not part of the tenant API.
 */
const notApi: Record<string, string> = {
	'GET /w/{token}': 'the watch page, HTML for the viewer',
	'GET /w': 'a watch link cut short before its token: the same HTML link-error page',
	'GET /player/billcast-player.js': "the player's script, loaded by the watch page and embeds",
	'GET /player/{file}': "the player's other assets",
	'GET /dashboard': 'the HTML dashboard for people, signed in with a cookie',
	'POST /dashboard/session': "the dashboard's sign-in form",
	'POST /dashboard/sign-out': "the dashboard's sign-out form",
	'GET /dashboard/campaigns/{id}': "the dashboard's campaign page",
	'GET /dashboard/campaigns/{id}/analytics.{format}': "the dashboard's download, the API's is /v1/batches/{id}/analytics.{format}",
	'USE /admin/queues': "Bull Board's operator UI, behind the admin key",
	'GET /metrics': 'Prometheus scraping, behind the admin key',
	'GET /': 'sends a browser that opens the server to /docs',
	'GET /docs': 'the browsable page of this document',
	'GET /openapi.json': 'this document',
};

interface Layer {
	route?: {path: string | string[]; methods: Record<string, boolean>};
	handle: {stack?: Layer[]; mountpath?: string};
	rawPath?: string | RegExp | (string | RegExp)[];
}

/** Express `:param` to OpenAPI `{param}`, so both tables speak the same paths. */
const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

/** Every "METHOD path" the app answers, descending into routers mounted at the root. */
const servedRoutes = (stack: readonly Layer[]): string[] =>
	stack.flatMap((layer): string[] => {
		if (layer.route) {
			const paths = [layer.route.path].flat();
			return Object.keys(layer.route.methods).flatMap((method) => paths.map((path) => `${method.toUpperCase()} ${openApiPath(path)}`));
		}
		// An Express app mounted under a path is someone else's (Bull Board): one entry for the whole mount. Middleware
		// used on a path (CORS, rate limits) answers nothing by itself.
		if ('mountpath' in layer.handle) return [`USE ${String(layer.rawPath)}`];
		return layer.handle.stack ? servedRoutes(layer.handle.stack) : [];
	});

let stack: TestStack;
beforeAll(async () => {
	// With an admin key, so the operator routes exist and the allow-list is checked against them too.
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false, adminKey: 'route-table-admin-key'});
});
afterAll(async () => {
	await stack?.close();
});

describe("the OpenAPI document and Express's route table", () => {
	it('list the same API routes, both ways', async () => {
		const document = (await (await fetch(`${stack.baseUrl}/openapi.json`)).json()) as {paths: Record<string, Record<string, unknown>>};
		const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
			Object.keys(operations)
				.filter((key) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(key))
				.map((method) => `${method.toUpperCase()} ${path}`),
		);
		const served = servedRoutes((stack.app as Express & {router: {stack: Layer[]}}).router.stack);
		// A route table that failed to walk would make both comparisons pass vacuously.
		expect(served).toContain('POST /v1/renders');

		expect(served.filter((route) => !documented.includes(route) && !Object.hasOwn(notApi, route)), 'served but not documented').toEqual([]);
		expect(documented.filter((route) => !served.includes(route)), 'documented but not served').toEqual([]);
		expect(Object.keys(notApi).filter((route) => !served.includes(route)), 'allow-listed but no longer served').toEqual([]);
	});
});

/** The fields of a viewer event the README documents: `{type, hotspot?, scene?, device?}`. */
const readmeEventFields = ['type', 'hotspot', 'scene', 'device'];

interface PropertySchema {
	enum?: string[];
	maxLength?: number;
}

describe('the viewer-event route and its OpenAPI entry', () => {
	const watchToken = async (billNumber: string): Promise<string> => {
		const response = await fetch(`${stack.baseUrl}/v1/renders`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify({template: 'telco-bill', scale: 0.25, bill: {...sampleTelcoBill, billNumber}}),
		});
		return ((await response.json()) as {links: {watch: string}}).links.watch.split('/w/')[1]!;
	};
	const postEvent = async (token: string, body: string, contentType = 'text/plain') => {
		const response = await fetch(`${stack.baseUrl}/v1/watch/${token}/events`, {method: 'POST', headers: {'content-type': contentType}, body});
		return {status: response.status, errors: response.status === 204 ? [] : (((await response.json()) as {errors?: Array<{path: string}>}).errors ?? [])};
	};

	it('document every body field the route checks, accept and refuse the same bodies, and list every answer it gives', async () => {
		const document = (await (await fetch(`${stack.baseUrl}/openapi.json`)).json()) as {paths: Record<string, Record<string, any>>};
		const operation = document.paths['/v1/watch/{token}/events']!.post;
		const body = operation.requestBody.content['application/json'].schema as {properties: Record<string, PropertySchema>; required: string[]};
		// sendBeacon's text/plain carries the same event as JSON.
		expect(operation.requestBody.content['text/plain'].schema).toMatchObject({type: 'string', contentMediaType: 'application/json', contentSchema: body});
		expect(Object.keys(body.properties).sort()).toEqual([...readmeEventFields].sort());
		expect(body.required).toEqual(['type']);

		// Every documented value of every field, one out of range, one of the wrong type, and the README's fields made
		// wrong whether the document names them or not: the route and the document must take and refuse the same ones.
		const valid = {type: 'view_started'};
		const probes: Array<Record<string, unknown>> = [{hotspot: 'pay'}, {...valid, device: 'tablet'}, {...valid, unknown: 'dropped'}];
		for (const [field, schema] of Object.entries(body.properties)) {
			for (const value of schema.enum ?? ['pay']) probes.push({...valid, [field]: value});
			probes.push({...valid, [field]: schema.enum ? `not-a-${field}` : 'x'.repeat((schema.maxLength ?? 1_000) + 1)});
		}
		for (const field of readmeEventFields) probes.push({...valid, [field]: 42});
		const matches = new Ajv2020({strict: false}).compile(body);
		const token = await watchToken('OPENAPI-EVENTS');
		const disagreements: string[] = [];
		const answered = new Set<number>();
		for (const probe of probes) {
			const {status} = await postEvent(token, JSON.stringify(probe));
			answered.add(status);
			if ((status === 204) !== matches(probe)) disagreements.push(`${JSON.stringify(probe)}: the route answers ${status}, the document ${matches(probe) ? 'takes' : 'refuses'} it`);
		}
		expect(disagreements).toEqual([]);
		expect((await postEvent(token, JSON.stringify({...valid, device: 'tablet'}))).errors).toEqual([expect.objectContaining({path: 'device'})]);

		// The other answers: a JSON body that does not parse, text that is not JSON, a body too large, a link that is
		// not one, and a link past its limit of events.
		const bad = [
			[400, await postEvent(token, '{"type":', 'application/json')],
			[422, await postEvent(token, '{"type":')],
			[413, await postEvent(token, JSON.stringify({...valid, hotspot: 'x'.repeat(5_000)}))],
			[404, await postEvent('not-a-link', JSON.stringify(valid))],
		] as const;
		expect(bad.map(([, answer]) => answer.status)).toEqual(bad.map(([status]) => status));
		const busy = await watchToken('OPENAPI-EVENTS-LIMIT');
		let limited = 0;
		for (let sent = 0; sent < 500 && limited !== 429; sent++) limited = (await postEvent(busy, JSON.stringify({type: 'hotspot_shown'}))).status;
		expect(limited).toBe(429);
		for (const [status] of bad) answered.add(status);
		answered.add(limited);
		expect([...answered].filter((status) => !Object.hasOwn(operation.responses, String(status))), 'answered but not documented').toEqual([]);
	});
});
