import {createHash, timingSafeEqual} from 'node:crypto';
import type {Server} from 'node:http';
import express, {type RequestHandler} from 'express';
import {MetricsUnavailableError, UnauthorizedError} from './errors';
import type {Metrics} from './metrics';
import {sendProblem} from './problem';

const digest = (key: string) => createHash('sha256').update(key).digest();

/** The admin key as `Authorization: Bearer <key>` (Prometheus) or as the password of HTTP Basic (a browser's prompt). */
export const requireAdminKey = (adminKey: string): RequestHandler => {
	const expected = digest(adminKey);
	return (req, res, next) => {
		const header = req.get('authorization') ?? '';
		const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
		const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
		const password = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':') : undefined;
		const given = bearer ?? password;
		// Digests have one length, so the comparison takes the same time whatever was sent.
		if (given !== undefined && timingSafeEqual(digest(given), expected)) return next();
		res.set('WWW-Authenticate', 'Basic realm="billcast admin", charset="UTF-8"');
		// Answered here, not through next(): the worker's metrics server has no problem handler, and Express' default
		// handler would show a stack trace.
		sendProblem(res, new UnauthorizedError('Send the admin key (BILLCAST_ADMIN_KEY) as `Authorization: Bearer <key>` or as the Basic password.'));
	};
};

/** The registry in Prometheus' text format. */
export const serveMetrics =
	(metrics: Metrics): RequestHandler =>
	async (_req, res) => {
		let text: string;
		try {
			text = await metrics.registry.metrics();
		} catch {
			// Job counts come from Redis; the worker's metrics server has no problem handler to turn an outage into a 503.
			return sendProblem(res, new MetricsUnavailableError());
		}
		res.type(metrics.registry.contentType).send(text);
	};

/** A worker's own `/metrics`: its renders and deliveries are counted in its process, so it answers its own scrape. */
export const listenForMetrics = ({metrics, adminKey, port, host}: {metrics: Metrics; adminKey: string; port: number; host: string}): Server =>
	express().get('/metrics', requireAdminKey(adminKey), serveMetrics(metrics)).listen(port, host);
