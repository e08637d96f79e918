import type {RequestHandler} from 'express';
import {UnauthorizedError} from '../platform/errors';
import {ForbiddenError} from './key-roles';
import type {TenantRegistry} from './tenant-registry';

/** `Authorization: Bearer <API key>` on every /v1 route but the customer's own watch routes. */
export const authenticate =
	({tenants}: {tenants: TenantRegistry}): RequestHandler =>
	(req, res, next) => {
		if (!req.path.startsWith('/v1/') || req.path.startsWith('/v1/watch/')) return next();
		const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
		if (!match) {
			res.set('WWW-Authenticate', 'Bearer');
			return next(new UnauthorizedError('Send your API key as `Authorization: Bearer <key>`.'));
		}
		const found = tenants.accessOf(match[1]!);
		if (!found) {
			res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
			return next(new UnauthorizedError('The API key is not valid.'));
		}
		res.locals.tenant = found.tenant;
		res.locals.access = found.access;
		// A read key looks but never changes anything; a submit key may do everything the API offers.
		if (found.access === 'read' && !['GET', 'HEAD'].includes(req.method)) return next(new ForbiddenError('This API key can only read: use a submit key to send renders, batches or payments.'));
		next();
	};
