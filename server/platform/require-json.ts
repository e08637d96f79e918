import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Request} from 'express';
import {MalformedJsonError, UnsupportedMediaTypeError} from './errors';
import {verifyJsonDepth} from './json-depth';

/** A JSON endpoint's body, or a 415 naming what was sent instead. */
export const requireJson = (req: Request): unknown => {
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
