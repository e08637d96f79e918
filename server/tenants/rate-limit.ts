import type {RequestHandler} from 'express';
import type {RedisClient} from '../platform/redis-connection';
import {RateLimitedError} from '../platform/errors';
import {tenantOf} from './tenant';

/** Fixed one-minute windows per tenant, counted in Redis so every API process shares the same limit. */
export const rateLimitPerTenant =
	({
		redis,
		prefix,
		now = Date.now,
	}: {
		redis: RedisClient;
		prefix: string;
		/** Milliseconds since the epoch; a test passes a fixed clock so its requests never straddle two windows. */
		now?: () => number;
	}): RequestHandler =>
	async (_req, res, next) => {
		if (!res.locals.tenant) return next();
		const tenant = tenantOf(res);
		const at = now();
		const windowStart = Math.floor(at / 60_000);
		const key = `${prefix}${tenant.id}:${windowStart}`;
		const [[, count]] = (await redis.multi().incr(key).expire(key, 61).exec()) as [[null, number], [null, number]];
		res.set('RateLimit-Limit', String(tenant.rateLimitPerMinute));
		res.set('RateLimit-Remaining', String(Math.max(0, tenant.rateLimitPerMinute - count)));
		if (count > tenant.rateLimitPerMinute) {
			const retryAfter = Math.max(1, 60 - Math.floor((at / 1000) % 60));
			res.set('Retry-After', String(retryAfter));
			return next(new RateLimitedError(`requests: the limit is ${tenant.rateLimitPerMinute} a minute`));
		}
		next();
	};
