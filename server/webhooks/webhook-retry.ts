/**
 * A failed delivery is retried with a delay that doubles from the base and stops growing at 256 times it. With the
 * default 30 s base and 19 attempts: 30 s, 1, 2, 4, 8, 16, 32, 64 min, then 2 h 8 min ten times, so the last attempt
 * is 23 h 27 min 30 s after the first; early retries ride out a blip, late ones an outage of most of a day.
 */
export const WEBHOOK_ATTEMPTS = 19;
export const WEBHOOK_RETRY_BASE_MS = 30_000;
const MAX_FACTOR = 256;

/** The name BullMQ knows the schedule by; the delivery worker registers it as its backoff strategy. */
export const WEBHOOK_BACKOFF = 'billcast-webhook';

/** The wait after the `attemptsMade`-th failed attempt. */
export const webhookRetryDelayMs = ({attemptsMade, baseMs}: {attemptsMade: number; baseMs: number}): number =>
	baseMs * Math.min(2 ** (attemptsMade - 1), MAX_FACTOR);
