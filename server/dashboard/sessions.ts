import {createHash, randomBytes} from 'node:crypto';
import type {RedisClient} from '../platform/redis-connection';

/** The cookie is scoped to the dashboard's path, so no API route ever sees it. */
export const SESSION_COOKIE = 'billcast_dashboard';
export const SESSION_TTL_SECONDS = 8 * 3_600;

export interface DashboardSessions {
	/** A new session for the tenant; answers the cookie value, which is stored only as its digest. */
	open(tenant: string): Promise<string>;
	tenantOf(token: string | undefined): Promise<string | undefined>;
	close(token: string | undefined): Promise<void>;
}

export const makeDashboardSessions = ({redis, prefix}: {redis: RedisClient; prefix: string}): DashboardSessions => {
	const key = (token: string) => `${prefix}dashboard-session:${createHash('sha256').update(token).digest('hex')}`;
	return {
		async open(tenant) {
			const token = randomBytes(32).toString('base64url');
			await redis.set(key(token), tenant, 'EX', SESSION_TTL_SECONDS);
			return token;
		},
		tenantOf: async (token) => (token ? ((await redis.get(key(token))) ?? undefined) : undefined),
		async close(token) {
			if (token) await redis.del(key(token));
		},
	};
};

/** The session cookie's value from a Cookie header; the dashboard needs no other cookie, so no parser library. */
export const sessionCookieOf = (header: string | undefined): string | undefined =>
	header
		?.split(';')
		.map((part) => part.trim().split('='))
		.find(([name]) => name === SESSION_COOKIE)?.[1];
