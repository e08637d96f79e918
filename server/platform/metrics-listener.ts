import {createServer, type Server} from 'node:http';
import {ADMIN_CHALLENGE, adminKeyCheck, adminKeyRefused} from './admin-key';
import {NotFoundError} from './errors';
import type {Metrics} from './metrics';
import {writeProblem} from './problem';

/**
 * A worker's own `/metrics`: its renders and deliveries are counted in its process, so it answers its own scrape. Bare
 * node:http, so the worker loads no HTTP framework for one route.
 */
export const listenForMetrics = ({metrics, adminKey, port, host}: {metrics: Metrics; adminKey: string; port: number; host: string}): Server => {
	const isAdmin = adminKeyCheck(adminKey);
	return createServer(async (req, res) => {
		const path = (req.url ?? '/').split('?')[0];
		if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) return writeProblem(res, new NotFoundError(`${req.method} ${path}`));
		if (!isAdmin(req.headers.authorization)) {
			res.setHeader('WWW-Authenticate', ADMIN_CHALLENGE);
			return writeProblem(res, adminKeyRefused());
		}
		// The job counts leave themselves out while Redis is down (`makeMetrics`): the scrape itself never fails.
		const text = await metrics.registry.metrics();
		res.writeHead(200, {'Content-Type': metrics.registry.contentType, 'Content-Length': Buffer.byteLength(text)});
		// Node sends no body to a HEAD, as express did.
		res.end(text);
	}).listen(port, host);
};
