import type {Express} from 'express';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {startTestStack, type TestStack} from '../helpers/test-stack';

/**
 * Served on purpose without an OpenAPI entry: pages and assets for people and browsers, operator tools, and the
 * document itself. Each reason says why it is not part of the tenant API.
 */
const notApi: Record<string, string> = {
	'GET /w/{token}': 'the watch page, HTML for the viewer',
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
