import type {RequestHandler} from 'express';
import {ADMIN_CHALLENGE, adminKeyCheck, adminKeyRefused} from './admin-key';
import type {Metrics} from './metrics';
import {sendProblem} from './problem';

/** The API's admin routes: the admin key as `Authorization: Bearer <key>` or as the Basic password (see `adminKeyCheck`). */
export const requireAdminKey = (adminKey: string): RequestHandler => {
	const isAdmin = adminKeyCheck(adminKey);
	return (req, res, next) => {
		if (isAdmin(req.get('authorization'))) return next();
		res.set('WWW-Authenticate', ADMIN_CHALLENGE);
		sendProblem(res, adminKeyRefused());
	};
};

/** The registry in Prometheus' text format; the job counts leave themselves out while Redis is down (`makeMetrics`). */
export const serveMetrics =
	(metrics: Metrics): RequestHandler =>
	async (_req, res) => {
		res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
	};
