import type {ErrorRequestHandler, Response} from 'express';
import {BillcastError, MalformedJsonError, PayloadTooLargeError, UnsupportedMediaTypeError} from './errors';

export const PROBLEM_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with our stable `code` and the failing field paths. */
export const sendProblem = (res: Response, error: BillcastError): void => {
	res
		.status(error.status)
		.type(PROBLEM_TYPE)
		.send(
			JSON.stringify({
				type: `urn:billcast:problem:${error.code}`,
				title: error.title,
				status: error.status,
				code: error.code,
				detail: error.message,
				...(error.fieldErrors.length > 0 ? {errors: error.fieldErrors} : {}),
			}),
		);
};

interface BodyParserError {
	type?: string;
	limit?: number;
	message?: string;
}

/** body-parser's own errors become problems too, so malformed input never reaches a 500. */
const fromBodyParser = (error: BodyParserError, bodyLimit: string): BillcastError | undefined => {
	switch (error.type) {
		case 'entity.parse.failed':
			return new MalformedJsonError(error.message ?? 'The body could not be parsed as JSON.');
		case 'entity.too.large':
			return new PayloadTooLargeError(bodyLimit);
		case 'encoding.unsupported':
		case 'charset.unsupported':
			return new UnsupportedMediaTypeError(error.message);
		default:
			return undefined;
	}
};

export const problemErrorHandler =
	({bodyLimit, log}: {bodyLimit: string; log: (message: string, error: unknown) => void}): ErrorRequestHandler =>
	(error: unknown, _req, res, _next) => {
		const known =
			error instanceof BillcastError ? error : fromBodyParser((error ?? {}) as BodyParserError, bodyLimit);
		if (known) {
			sendProblem(res, known);
			return;
		}
		log('unhandled error', error);
		sendProblem(res, new BillcastError('internal_error', 500, 'Internal error', 'Something went wrong on our side.'));
	};
