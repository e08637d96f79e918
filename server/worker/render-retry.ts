import type {BackoffOptions} from 'bullmq';
import {LogoUnavailableError} from './logo-inline';

/**
 * The wait before the next attempt of a render that failed on the network: a doubling backoff from 60 s, a quarter of
 * it random. The second attempt comes 45–60 s after the first, the third 90–120 s after that, so a DNS or CDN outage of
 * two minutes no longer fails a billing cycle, while a render that cannot be made still ends (`render.failed`) within
 * about three; a longer outage is the batch posted again, which retries its failed renders. The jitter spreads the
 * thousands of renders of a cycle that failed together on one tenant's logo, so they do not all come back at once.
 */
export const RENDER_RETRY_BASE_MS = 60_000;
const RENDER_RETRY_JITTER = 0.25;

/** Node's codes for a request that got no answer; an error carrying one, or with one as its cause, may pass. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

const isNetworkFailure = (error: unknown): boolean =>
	error instanceof LogoUnavailableError
		? error.transient
		: error instanceof Error && (NETWORK_CODES.has(String((error as NodeJS.ErrnoException).code)) || isNetworkFailure(error.cause));

/**
 * The backoff for the next attempt after this error, or none: anything but the network (a browser that crashed, a
 * frame that timed out) is tried again at once, by then in a fresh browser, as before.
 */
export const renderRetryBackoff = (error: unknown, baseMs: number): BackoffOptions | undefined =>
	isNetworkFailure(error) ? {type: 'exponential', delay: baseMs, jitter: RENDER_RETRY_JITTER} : undefined;
