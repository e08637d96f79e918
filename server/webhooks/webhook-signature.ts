import {createHmac, timingSafeEqual} from 'node:crypto';

export const WEBHOOK_SIGNATURE_HEADER = 'Billcast-Signature';

/** How old a signature may be before a receiver should refuse it as a replay; the README's example uses the same. */
const WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookSignatureCheck =
	| {readonly status: 'valid'; readonly timestamp: number}
	| {readonly status: 'expired'; readonly timestamp: number}
	| {readonly status: 'invalid'};

const hmacHex = (secret: string, timestamp: number, body: string): string =>
	createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the time is signed too, so an old delivery cannot be replayed as new. */
export const signWebhook = ({secret, body, now = new Date()}: {secret: string; body: string; now?: Date}): string => {
	const timestamp = Math.floor(now.getTime() / 1000);
	return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
};

/**
 * What a receiver does, for our tests and for anyone embedding billcast's code. Any `v1` may match, so a sender
 * could sign with an old and a new secret while a tenant rotates it. The signature is checked before the time, so a
 * forged header never learns anything about timing.
 */
export const verifyWebhookSignature = ({
	secret,
	header,
	body,
	toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
	now = new Date(),
}: {
	secret: string;
	header: string | undefined;
	body: string;
	toleranceSeconds?: number;
	now?: Date;
}): WebhookSignatureCheck => {
	const parts = (header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]);
	const timestamps = parts.filter(([key, value]) => key === 't' && value !== undefined && /^\d{1,12}$/.test(value));
	if (timestamps.length !== 1) return {status: 'invalid'};
	const timestamp = Number(timestamps[0]![1]);
	const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
	const matches = parts
		.filter(([key, value]) => key === 'v1' && value !== undefined && /^[0-9a-f]{64}$/.test(value))
		.some(([, value]) => timingSafeEqual(expected, Buffer.from(value!, 'hex')));
	if (!matches) return {status: 'invalid'};
	return Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds ? {status: 'expired', timestamp} : {status: 'valid', timestamp};
};
