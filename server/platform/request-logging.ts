import {randomUUID} from 'node:crypto';
import type {RequestHandler} from 'express';
import type {Logger} from './logger';
import {redactUrl} from './logger';
import type {Metrics} from './metrics';

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** What the router (express 5's `router` package) keeps of each `use` and route, as far as the label needs it. */
interface RouterLayer {
	match(path: string): {path: string} | false;
	route?: {path: unknown; _handlesMethod(method: string): boolean};
	handle: {stack?: RouterLayer[]};
}

/**
 * The pattern of the route that would have answered `path`, looked up in the routers' layers. An app-wide middleware
 * (the tenant's rate limit, whose Redis may be down) can end a request before any router runs: its answer is still
 * counted under the route it was for, not "unmatched".
 */
const routeFor = (stack: readonly RouterLayer[], method: string, path: string, base: string): string | undefined => {
	for (const layer of stack) {
		const matched = layer.match(path);
		if (!matched) continue;
		if (layer.route) {
			if (typeof layer.route.path === 'string' && layer.route._handlesMethod(method)) return `${base}${layer.route.path}`;
		} else if (layer.handle.stack) {
			const found = routeFor(layer.handle.stack, method, path.slice(matched.path.length) || '/', `${base}${matched.path}`);
			if (found) return found;
		}
	}
	return undefined;
};

/**
 * The route pattern Express matched (`/v1/renders/:id`), so metrics and logs never split by id or carry a token. A
 * mounted app with several patterns for one route (the queue dashboard) counts as its mount point.
 */
const routeOf = (req: Parameters<RequestHandler>[0]): string => {
	const path = req.route?.path as unknown;
	if (typeof path === 'string') return `${req.baseUrl}${path}`;
	if (path !== undefined) return `${req.baseUrl}/*`;
	try {
		const router = (req.app as unknown as {router: {stack: RouterLayer[]}}).router;
		return routeFor(router.stack, req.method, req.originalUrl.split('?')[0] ?? '/', '') ?? 'unmatched';
	} catch {
		// A path the router cannot decode (a malformed %-escape) matches no route.
		return 'unmatched';
	}
};

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is sane, else a new one), answers it in
 * `X-Request-Id`, logs one line when the response is done and times it for the metrics.
 */
export const requestLogging =
	({logger, metrics}: {logger: Logger; metrics: Metrics}): RequestHandler =>
	(req, res, next) => {
		const incoming = req.get('x-request-id');
		const requestId = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
		res.locals.requestId = requestId;
		res.setHeader('X-Request-Id', requestId);
		const started = process.hrtime.bigint();
		res.once('finish', () => {
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			const route = routeOf(req);
			metrics.httpRequestDuration.observe({method: req.method, route, status: String(res.statusCode)}, seconds);
			const line = {requestId, method: req.method, path: redactUrl(req.originalUrl), route, status: res.statusCode, ms: Math.round(seconds * 1000)};
			if (res.statusCode >= 500) logger.error(line, 'request failed');
			else logger.info(line, 'request');
		});
		next();
	};
