import {pluralForm} from '../../src/i18n/catalogue';
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

/**
 * What a problem that ends the body says was not read: from the bad line on, or, when the bad line may belong to a bill
 * whose CSV rows (`groupBy`) began before it, from that bill's first row, since the bill cannot be told complete.
 */
const unread = (line: number, from: number): string =>
	from === line ? `nothing from line ${line} on was read` : `nothing from line ${from} on was read, as the rows of the bill starting there may go on past line ${line}`;

/**
 * A line or CSV record over the cap ends the request there: reading on to find its end would let one request hold
 * the API's memory.
 */
export class LineTooLongError extends BillcastError {
	constructor(
		readonly line: number,
		readonly maxBytes: number,
		unreadFrom = line,
	) {
		super(
			'line_too_long',
			413,
			'A line of the batch is too long',
			`Line ${line} is longer than ${maxBytes} bytes; ${unread(line, unreadFrom)}.`,
			[{path: `line ${line}`, message: `is longer than ${maxBytes} bytes`}],
		);
	}
}

/** Broken quoting leaves every later record in doubt, so the CSV is read no further. */
export class MalformedCsvError extends BillcastError {
	constructor(
		readonly line: number,
		readonly reason: string,
		unreadFrom = line,
	) {
		const detail = unread(line, unreadFrom);
		super(
			'malformed_csv',
			400,
			'The body is not valid CSV',
			`Line ${line}: ${reason}. ${detail[0]!.toUpperCase()}${detail.slice(1)}.`,
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
		const bills = pluralForm({one: 'bill before it was', other: 'bills before it were'}, {count: batch.lines, locale: 'en'});
		super(
			cause.code,
			cause.status,
			cause.title,
			// Accepted, not queued: an on-demand render waits for its first request.
			`${cause.message} The ${batch.lines} ${bills} read as batch ${batch.url} (${batch.accepted} accepted, ${batch.rejected} refused); send the fixed body again.`,
			cause.fieldErrors,
		);
	}
}

/**
 * A streamed batch is capped after its Content-Encoding is undone: a megabyte of gzip can hold a gigabyte of empty
 * lines, and the work is in the lines, not in the bytes that carried them.
 */
export class BatchTooLargeError extends BillcastError {
	constructor(limit: string) {
		super(
			'payload_too_large',
			413,
			'The batch is too large',
			`The batch exceeds the limit of ${limit} (counted after Content-Encoding is undone, blank lines included); split the billing cycle into several batches.`,
		);
	}
}

/** The client hung up before its body was read: the rest of it, already received or decoded, is not worth the CPU. */
export class ClientClosedError extends BillcastError {
	constructor() {
		super('client_closed_request', 400, 'The client closed the connection', 'The connection closed before the batch was read; nothing after that point was read.');
	}
}
