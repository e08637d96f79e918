import {Ajv2020} from 'ajv/dist/2020.js';
import type {Express} from 'express';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {hashApiKey} from '../../server/tenants/tenant-registry';
import {rawRequest} from '../helpers/raw-request';
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

const readKey = 'route-table-read-key';

let stack: TestStack;
beforeAll(async () => {
	// With an admin key, so the operator routes exist and the allow-list is checked against them too; and a read key,
	// whose writes are refused.
	stack = await startTestStack({
		redisUrl: inject('redisUrl'),
		serveUrl: inject('serveUrl'),
		withWorker: false,
		adminKey: 'route-table-admin-key',
		tenant: {roleKeys: [{sha256: hashApiKey(readKey), role: 'read'}]},
	});
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

interface Operation {
	parameters?: Array<{name: string; in: string; schema: {enum?: string[]}}>;
	requestBody?: {content: Record<string, unknown>};
	responses: Record<string, {content?: Record<string, unknown>}>;
}

describe('every answer a route gives', () => {
	it('is a status its OpenAPI entry lists, in a content type listed there', async () => {
		const document = (await (await fetch(`${stack.baseUrl}/openapi.json`)).json()) as {paths: Record<string, Record<string, Operation>>};
		const misfits: string[] = [];
		let probes = 0;
		for (const [path, item] of Object.entries(document.paths)) {
			for (const [method, operation] of Object.entries(item)) {
				const pathParams = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
				// Ids that exist nowhere, and the first value of an enum, so each request reaches its route.
				const urlWith = (first?: string) =>
					pathParams.reduce(
						(url, parameter, index) => url.replace(`{${parameter.name}}`, index === 0 && first ? first : (parameter.schema.enum?.[0] ?? `no-such-${parameter.name}`)),
						`${stack.baseUrl}${path}`,
					);
				const requests: Array<[string, Parameters<typeof rawRequest>[1] & {url?: string}]> = [
					['without a key', {}],
					['with a key', {headers: stack.auth}],
					['with a read key', {headers: {authorization: `Bearer ${readKey}`}}],
					['with 20 KB of headers', {headers: {...stack.auth, 'x-padding': 'a'.repeat(20_000)}}],
				];
				if (pathParams.length > 0) requests.push(['with a malformed %-escape', {url: urlWith('%E0%A4%A'), headers: stack.auth}]);
				if (operation.requestBody?.content['application/json']) {
					const json = {...stack.auth, 'content-type': 'application/json'};
					requests.push(
						['with malformed JSON', {headers: json, body: '{"template": '}],
						['with JSON nested 100 deep', {headers: json, body: `${'['.repeat(100)}${']'.repeat(100)}`}],
						['without a body', {headers: json}],
						['with null', {headers: json, body: 'null'}],
						['with a Latin-1 charset', {headers: {...json, 'content-type': 'application/json; charset=latin1'}, body: '{}'}],
						['with HTML', {headers: {...json, 'content-type': 'text/html'}, body: '<b>'}],
						['with an unknown Content-Encoding', {headers: {...json, 'content-encoding': 'zstd'}, body: '{}'}],
						['with a gzip body that is not gzip', {headers: {...json, 'content-encoding': 'gzip'}, body: '{}'}],
						['over the body limit', {headers: json, body: JSON.stringify({padding: 'a'.repeat(70 * 1024)})}],
					);
				}
				for (const [what, {url = urlWith(), ...request}] of requests) {
					const answer = await rawRequest(url, {method: method.toUpperCase(), ...request});
					probes++;
					const documented = operation.responses[String(answer.status)] ?? operation.responses[`${String(answer.status)[0]}XX`];
					const type = answer.type?.split(';')[0];
					if (!documented) misfits.push(`${method.toUpperCase()} ${path} ${what}: ${answer.status} is not listed`);
					else if (answer.body !== '' && type && !Object.hasOwn(documented.content ?? {}, type)) {
						misfits.push(`${method.toUpperCase()} ${path} ${what}: ${answer.status} as ${type} is not listed`);
					}
				}
			}
		}
		expect(probes).toBeGreaterThan(150);
		expect(misfits).toEqual([]);
	});
});
