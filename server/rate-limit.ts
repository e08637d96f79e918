import type {RequestHandler} from 'express';
import type {Redis} from 'ioredis';
import {RateLimitedError} from './errors';
import {tenantOf} from './tenant';

/** Fixed one-minute windows per tenant, counted in Redis so every API process shares the same limit. */
export const rateLimitPerTenant =
	({redis, prefix = 'billcast:ratelimit:'}: {redis: Redis; prefix?: string}): RequestHandler =>
	async (_req, res, next) => {
		if (!res.locals.tenant) return next();
		const tenant = tenantOf(res);
		const windowStart = Math.floor(Date.now() / 60_000);
		const key = `${prefix}${tenant.id}:${windowStart}`;
		const [[, count]] = (await redis.multi().incr(key).expire(key, 61).exec()) as [[null, number], [null, number]];
		res.set('RateLimit-Limit', String(tenant.rateLimitPerMinute));
		res.set('RateLimit-Remaining', String(Math.max(0, tenant.rateLimitPerMinute - count)));
		if (count > tenant.rateLimitPerMinute) {
			const retryAfter = Math.max(1, 60 - Math.floor((Date.now() / 1000) % 60));
			res.set('Retry-After', String(retryAfter));
			return next(new RateLimitedError(`requests: the limit is ${tenant.rateLimitPerMinute} a minute`));
		}
		next();
	};
