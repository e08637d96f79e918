import {randomUUID} from 'node:crypto';
import type {RequestHandler} from 'express';
import type {Logger} from './logger';
import {redactUrl} from './logger';
import type {Metrics} from './metrics';

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The route pattern Express matched (`/v1/renders/:id`), so metrics and logs never split by id or carry a token. A
 * mounted app with several patterns for one route (the queue dashboard) counts as its mount point.
 */
const routeOf = (req: Parameters<RequestHandler>[0]): string => {
	const path = req.route?.path as unknown;
	if (typeof path === 'string') return `${req.baseUrl}${path}`;
	return path === undefined ? 'unmatched' : `${req.baseUrl}/*`;
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
