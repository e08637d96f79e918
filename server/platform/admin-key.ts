import {createHash, timingSafeEqual} from 'node:crypto';
import {UnauthorizedError} from './errors';

const digest = (key: string) => createHash('sha256').update(key).digest();

/** Sent with every refusal, so a browser shows its password prompt. */
export const ADMIN_CHALLENGE = 'Basic realm="billcast admin", charset="UTF-8"';

export const adminKeyRefused = (): UnauthorizedError =>
	new UnauthorizedError('Send the admin key (BILLCAST_ADMIN_KEY) as `Authorization: Bearer <key>` or as the Basic password.');

/**
 * Whether an `Authorization` header carries the admin key, as `Bearer <key>` (Prometheus) or as the password of HTTP
 * Basic (a browser's prompt). Shared by the API's express routes and the worker's bare node:http metrics listener.
 */
export const adminKeyCheck = (adminKey: string): ((authorization: string | undefined) => boolean) => {
	const expected = digest(adminKey);
	return (authorization = '') => {
		const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
		const basic = /^Basic\s+(\S+)$/i.exec(authorization)?.[1];
		const password = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':') : undefined;
		const given = bearer ?? password;
		// Digests have one length, so the comparison takes the same time whatever was sent.
		return given !== undefined && timingSafeEqual(digest(given), expected);
	};
};
