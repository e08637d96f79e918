import {JsonTooDeepError} from './errors';

/** Far deeper than any bill or TMF678 document, far shallower than what overflows the stack of JSON.stringify or zod. */
const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Scans raw JSON bytes (iteratively, so the check itself cannot overflow) and throws when brackets nest deeper than
 * `maxDepth`. Runs before parsing, so nothing downstream (hashing, validation) ever sees a pathological document.
 */
const assertJsonDepth = (raw: Uint8Array | string, maxDepth = MAX_JSON_DEPTH): void => {
	const bytes = typeof raw === 'string' ? Buffer.from(raw) : raw;
	let depth = 0;
	let inString = false;
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i];
		if (inString) {
			if (byte === BACKSLASH) i++;
			else if (byte === QUOTE) inString = false;
		} else if (byte === QUOTE) inString = true;
		else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
			if (++depth > maxDepth) throw new JsonTooDeepError(maxDepth);
		} else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth--;
	}
};

/** For body-parser's `verify` option: refuses a too-deep body before it is parsed. */
export const verifyJsonDepth = (_req: unknown, _res: unknown, buffer: Buffer): void => assertJsonDepth(buffer);

/** JSON.parse behind the same check, for JSON read without body-parser: each line of an NDJSON batch. */
export const parseJsonWithinDepth = (text: string): unknown => {
	assertJsonDepth(text);
	return JSON.parse(text);
};
