import {createHmac, timingSafeEqual} from 'node:crypto';

const DAY_MS = 86_400_000;

export type WatchTokenCheck =
	| {readonly status: 'valid'; readonly renderId: string; readonly expiresAt: Date}
	| {readonly status: 'expired'}
	| {readonly status: 'invalid'};

const signature = (secret: string, payload: string): string =>
	createHmac('sha256', secret).update(payload).digest('base64url');

/**
 * `<render id>.<expiry in unix seconds>.<HMAC-SHA256 of both>`. Render ids use only [A-Za-z0-9._-], so the token is
 * URL-safe as it stands; the last two dots separate expiry and signature even when the id holds dots.
 */
export const signWatchToken = ({
	secret,
	renderId,
	ttlDays,
	now = new Date(),
}: {
	secret: string;
	renderId: string;
	ttlDays: number;
	now?: Date;
}): string => {
	const payload = `${renderId}.${Math.floor((now.getTime() + ttlDays * DAY_MS) / 1000)}`;
	return `${payload}.${signature(secret, payload)}`;
};

/** The signature is checked before the expiry, so a forged token never learns whether its render exists. */
export const verifyWatchToken = ({secret, token, now = new Date()}: {secret: string; token: string; now?: Date}): WatchTokenCheck => {
	const match = /^([A-Za-z0-9._-]+)\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
	if (!match) return {status: 'invalid'};
	const [, renderId, expiry, given] = match as unknown as [string, string, string, string];
	const expected = Buffer.from(signature(secret, `${renderId}.${expiry}`));
	if (!timingSafeEqual(expected, Buffer.from(given))) return {status: 'invalid'};
	const expiresAt = new Date(Number(expiry) * 1000);
	return expiresAt.getTime() <= now.getTime() ? {status: 'expired'} : {status: 'valid', renderId, expiresAt};
};
