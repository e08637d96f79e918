import {BillcastError} from './errors';

/** Batches stream their body, so they report what a body parser would have, in their own words. */
export class BatchMediaTypeError extends BillcastError {
	constructor(received: string | undefined) {
		super(
			'unsupported_media_type',
			415,
			'Send JSON, NDJSON or CSV',
			`Content-Type must be application/json, application/x-ndjson or text/csv (UTF-8), but was ${received ? `"${received}"` : 'missing'}.`,
		);
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

/**
 * A line or CSV record over the cap ends the request there: reading on to find its end would let one request hold
 * the API's memory. The lines before it are already queued; re-sending the fixed body queues none of them twice,
 * because a render's id comes from its request.
 */
export class LineTooLongError extends BillcastError {
	constructor(line: number, maxBytes: number) {
		super(
			'line_too_long',
			413,
			'A line of the batch is too long',
			`Line ${line} is longer than ${maxBytes} bytes; nothing from line ${line} on was read. Lines before it may already be queued: fix the line and send the whole body again.`,
			[{path: `line ${line}`, message: `is longer than ${maxBytes} bytes`}],
		);
	}
}

/** Broken quoting leaves every later record in doubt, so the CSV is read no further. */
export class MalformedCsvError extends BillcastError {
	constructor(line: number, reason: string) {
		super(
			'malformed_csv',
			400,
			'The body is not valid CSV',
			`Line ${line}: ${reason}. Nothing from line ${line} on was read; lines before it may already be queued: fix the CSV and send the whole body again.`,
			[{path: `line ${line}`, message: reason}],
		);
	}
}
