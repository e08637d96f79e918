import {BillcastError} from '../platform/errors';

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
 * the API's memory.
 */
export class LineTooLongError extends BillcastError {
	constructor(line: number, maxBytes: number) {
		super(
			'line_too_long',
			413,
			'A line of the batch is too long',
			`Line ${line} is longer than ${maxBytes} bytes; nothing from line ${line} on was read.`,
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
			`Line ${line}: ${reason}. Nothing from line ${line} on was read.`,
			[{path: `line ${line}`, message: reason}],
		);
	}
}

/**
 * The body went wrong after a batch was made: the answer is the problem itself, and says where the lines read before
 * it went. Sending the fixed body again is safe, because a render's id comes from its request and none is queued twice.
 */
export class BatchInterruptedError extends BillcastError {
	constructor(cause: BillcastError, batch: {url: string; lines: number; accepted: number; rejected: number}) {
		super(
			cause.code,
			cause.status,
			cause.title,
			`${cause.message} The ${batch.lines} bills before it were read as batch ${batch.url} (${batch.accepted} queued, ${batch.rejected} refused); send the fixed body again.`,
			cause.fieldErrors,
		);
	}
}
