import {en} from '../../src/i18n/en';

/** Every error the service reports is one of these: a stable code, an HTTP status and a message an engineer can act on. */
export interface FieldError {
	/** Dotted path into the request body, e.g. `bill.customer.name` or `bill.lineItems[2].amount`. */
	readonly path: string;
	readonly message: string;
}

export class BillcastError extends Error {
	constructor(
		readonly code: string,
		readonly status: number,
		readonly title: string,
		message: string,
		readonly fieldErrors: readonly FieldError[] = [],
	) {
		super(message);
		this.name = new.target.name;
	}
}

export class ValidationError extends BillcastError {
	constructor(fieldErrors: readonly FieldError[], message = describeFieldErrors(fieldErrors)) {
		super('validation_failed', 422, 'The request is not valid', message, fieldErrors);
	}
}

export class MalformedJsonError extends BillcastError {
	constructor(detail: string) {
		super('malformed_json', 400, 'The body is not valid JSON', detail);
	}
}

export class PayloadTooLargeError extends BillcastError {
	constructor(limit: string) {
		super('payload_too_large', 413, 'The body is too large', `The request body exceeds the limit of ${limit}.`);
	}
}

export class UnsupportedMediaTypeError extends BillcastError {
	constructor(received: string | undefined) {
		super(
			'unsupported_media_type',
			415,
			'Send JSON',
			`Content-Type must be application/json, but was ${received ? `"${received}"` : 'missing'}.`,
		);
	}
}

/** body-parser reads JSON only as UTF-8 (RFC 8259); its own words, `unsupported charset "LATIN1"`, do not say what to send. */
export class UnsupportedCharsetError extends BillcastError {
	constructor(charset: string) {
		super('unsupported_media_type', 415, 'Send JSON', `charset ${charset.toLowerCase()} is not supported; send UTF-8.`);
	}
}

export class NotFoundError extends BillcastError {
	constructor(what: string) {
		super('not_found', 404, 'Not found', `${what} does not exist.`);
	}
}

/** A watch link whose signature does not match, or whose render is gone: says nothing about any bill. Its words are the English link page's. */
export class WatchLinkInvalidError extends BillcastError {
	constructor() {
		super('watch_link_invalid', 404, en.linkPages.invalidTitle, en.linkPages.invalid);
	}
}

export class WatchLinkExpiredError extends BillcastError {
	constructor() {
		super('watch_link_expired', 410, en.linkPages.expiredTitle, en.linkPages.expired);
	}
}

export class RateLimitedError extends BillcastError {
	constructor(what: string) {
		super('rate_limited', 429, 'Too many requests', `Too many ${what}; wait a minute and send fewer.`);
	}
}

export class RenderNotReadyError extends BillcastError {
	constructor(id: string, status: string) {
		super('render_not_ready', 409, 'The video is not ready', `Render ${id} is ${status}; the video exists once it is completed.`);
	}
}

/** Asked for the video of a failed render, which no waiting will bring: the same bill sent again renders it again. */
export class RenderVideoFailedError extends BillcastError {
	constructor(id: string, reason: string) {
		super('render_failed', 409, 'The render failed', `Render ${id} failed: ${reason.replace(/\.$/, '')}; send the bill again to retry.`);
	}
}

export class QueueUnavailableError extends BillcastError {
	constructor(cause: string) {
		super('queue_unavailable', 503, 'The render queue is unavailable', `The render could not be queued: ${cause}. Retry later.`);
	}
}

/** Raised inside the worker; stored on the render as `{code, message}`. */
export class RenderFailedError extends BillcastError {
	constructor(code: 'render_failed' | 'invalid_job' | 'browser_unavailable', message: string) {
		super(code, 500, 'The render failed', message);
	}
}

/** Thrown inside the webhook worker so BullMQ schedules the next attempt; the attempt itself is already recorded. */
export class WebhookDeliveryFailedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'WebhookDeliveryFailedError';
	}
}

export class MissingSystemPackagesError extends Error {
	constructor(readonly packages: readonly string[]) {
		super(
			`billcast needs these Debian packages, which are not installed: ${packages.join(' ')}.\n` +
				`Install them as root with: apt-get update && apt-get install -y ${packages.join(' ')}\n` +
				'(or run this command as root and it installs them itself).',
		);
		this.name = 'MissingSystemPackagesError';
	}
}

export class ConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConfigError';
	}
}

const describeFieldErrors = (errors: readonly FieldError[]): string =>
	errors.map((error) => `${error.path || '(body)'}: ${error.message}`).join('; ');

export class UnauthorizedError extends BillcastError {
	constructor(detail: string) {
		super('unauthorized', 401, 'Authentication required', detail);
	}
}

export class IdempotencyKeyReusedError extends BillcastError {
	constructor() {
		super(
			'idempotency_key_reused',
			422,
			'Idempotency-Key reused with another body',
			'This Idempotency-Key was already used in the last 24 hours with a different request body; use a new key.',
		);
	}
}

export class IdempotencyKeyInFlightError extends BillcastError {
	constructor() {
		super('idempotency_key_in_flight', 409, 'A request with this Idempotency-Key is still running', 'Retry once it has finished.');
	}
}

/** A request the HTTP layer could not read: a malformed %-escape in the path, a body that does not decode, a bad header. */
export class BadRequestError extends BillcastError {
	constructor(detail: string, status = 400) {
		super('bad_request', status, 'The request could not be read', detail);
	}
}

export class JsonTooDeepError extends BillcastError {
	constructor(maxDepth: number) {
		super('json_too_deep', 400, 'The JSON is nested too deeply', `The JSON nests objects or arrays more than ${maxDepth} levels deep.`);
	}
}

export class RequestHeadersTooLargeError extends BillcastError {
	constructor() {
		super('headers_too_large', 431, 'The request headers are too large', 'The request headers exceed the server limit; send fewer or shorter headers.');
	}
}

/** Redis did not answer: the API says so at once instead of waiting for it to come back. */
export class RedisUnavailableError extends BillcastError {
	constructor() {
		super('service_unavailable', 503, 'The service is temporarily unavailable', 'Redis, where renders and jobs are kept, is not reachable right now. Retry in a few seconds.');
	}
}

export class PosterNotReadyError extends BillcastError {
	constructor(id: string, waitedMs: number) {
		super('poster_not_ready', 503, 'The poster is being drawn', `The poster of render ${id} was not drawn within ${waitedMs} ms; retry shortly.`);
	}
}

export class UnsupportedContentEncodingError extends BillcastError {
	constructor(encoding: string) {
		super('unsupported_content_encoding', 415, 'Unsupported Content-Encoding', `Content-Encoding "${encoding}" is not supported: send gzip, deflate, br or none.`);
	}
}

export class BadContentEncodingError extends BillcastError {
	constructor(encoding: string, cause: string) {
		super('bad_content_encoding', 400, 'The body does not match its Content-Encoding', `The body could not be decoded as ${encoding}: ${cause}.`);
	}
}
