import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Request} from 'express';
import {MalformedJsonError, UnsupportedMediaTypeError, ValidationError} from './errors';
import {verifyJsonDepth} from './json-depth';

/**
 * A JSON endpoint's body, a 422 when there is none, or a 415 naming what was sent instead. Without a body `req.is`
 * knows no type at all, so the content type alone would be refused as not being itself.
 */
export const requireJson = (req: Request): unknown => {
	const empty = req.get('transfer-encoding') === undefined && !(Number(req.get('content-length')) > 0);
	if (empty) throw new ValidationError([{path: '', message: 'is empty: send the request as JSON'}]);
	if (!req.is('application/json')) throw new UnsupportedMediaTypeError(req.get('content-type'));
	return req.body;
};

const strictUtf8 = new TextDecoder('utf-8', {fatal: true});

/**
 * The text of UTF-8 bytes (a leading BOM dropped), or undefined when they are not UTF-8. A lenient decoder would turn
 * a Windows-1252 "ü" into U+FFFD, which then shows in the customer's video.
 */
export const utf8Text = (bytes: Uint8Array): string | undefined => {
	try {
		return strictUtf8.decode(bytes);
	} catch {
		return undefined;
	}
};

/** For body-parser's `verify` option: refuses a body that is not UTF-8, or nests too deeply, before it is parsed. */
export const verifyJsonBody = (req: IncomingMessage, res: ServerResponse, buffer: Buffer): void => {
	if (utf8Text(buffer) === undefined) throw new MalformedJsonError('The body is not UTF-8: JSON must be sent encoded as UTF-8.');
	verifyJsonDepth(req, res, buffer);
};
