import {STATUS_CODES, type Server, type ServerResponse} from 'node:http';
import type {Duplex} from 'node:stream';
import type {ErrorRequestHandler, Response} from 'express';
import {z} from 'zod';
import {contentEncodingOf, isDecodingError} from './content-encoding';
import {
	BadContentEncodingError,
	BadRequestError,
	BillcastError,
	MalformedJsonError,
	PayloadTooLargeError,
	RedisUnavailableError,
	RequestHeadersTooLargeError,
	UnsupportedCharsetError,
	UnsupportedContentEncodingError,
} from './errors';

const PROBLEM_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with our stable `code` and the failing field paths. */
const problemBody = (error: BillcastError): string =>
	JSON.stringify({
		type: `urn:billcast:problem:${error.code}`,
		title: error.title,
		status: error.status,
		code: error.code,
		detail: error.message,
		...(error.fieldErrors.length > 0 ? {errors: error.fieldErrors} : {}),
	});

/** A field of the request and what is wrong with it, as problems and per-item results name it. */
export const fieldErrorSchema = z.object({path: z.string(), message: z.string()});

/** The body above as the OpenAPI document publishes it. */
export const problemSchema = z
	.object({
		type: z.string(),
		title: z.string(),
		status: z.number().int(),
		code: z.string().describe('Stable machine-readable code, e.g. validation_failed, unauthorized, rate_limited'),
		detail: z.string(),
		errors: z.array(fieldErrorSchema).optional(),
	});

export const sendProblem = (res: Response, error: BillcastError): void => {
	res.status(error.status).type(PROBLEM_TYPE).send(problemBody(error));
};

/** The same answer from a bare node:http server (the worker's metrics listener), with the type express gives it. */
export const writeProblem = (res: ServerResponse, error: BillcastError): void => {
	const body = problemBody(error);
	res.writeHead(error.status, {'Content-Type': `${PROBLEM_TYPE}; charset=utf-8`, 'Content-Length': Buffer.byteLength(body)});
	res.end(body);
};

/** What body-parser, raw-body and the router attach to the errors they raise (http-errors). */
interface HttpLayerError {
	type?: string;
	/** The Content-Encoding body-parser cannot decode. */
	encoding?: string;
	/** The charset body-parser cannot read a body in. */
	charset?: string;
	status?: number;
	statusCode?: number;
	expose?: boolean;
	message?: string;
	/** The byte limit of the parser that refused the body: each route sets its own. */
	limit?: number;
}

const KB = 1024;

/** A byte limit as the configuration writes it ("16mb", "4kb"), so the answer names the setting that applies. */
const limitText = (limit: number): string =>
	limit % (KB * KB) === 0 ? `${limit / (KB * KB)}mb` : limit % KB === 0 ? `${limit / KB}kb` : `${limit}b`;

/** body-parser's and the router's own errors become problems too, so malformed input never reaches a 500. */
const fromHttpLayer = (error: HttpLayerError, bodyLimit: string, encoding: string): BillcastError | undefined => {
	// zlib's error, passed on by body-parser as a bare 400: the body is not what its Content-Encoding says.
	if (isDecodingError(error)) return new BadContentEncodingError(encoding, error.message);
	switch (error.type) {
		case 'entity.parse.failed':
			return new MalformedJsonError(error.message ?? 'The body could not be parsed as JSON.');
		case 'entity.too.large':
			return new PayloadTooLargeError(typeof error.limit === 'number' ? limitText(error.limit) : bodyLimit);
		case 'encoding.unsupported':
			return new UnsupportedContentEncodingError(error.encoding ?? encoding);
		case 'charset.unsupported':
			return new UnsupportedCharsetError(error.charset ?? 'unknown');
	}
	const status = error.status ?? error.statusCode;
	// Any other client error the HTTP layer reports (a malformed %-escape, a body that does not gunzip, an aborted
	// upload) keeps its 4xx status; its message is safe to show because http-errors marks 4xx messages as exposable.
	if (typeof status === 'number' && status >= 400 && status < 500) {
		return new BadRequestError(error.expose !== false && error.message ? error.message : STATUS_CODES[status] ?? 'Bad request', status);
	}
	return undefined;
};

/**
 * ioredis' and Redis' words for "Redis is not there": no connection and no offline queue, retries used up, no reply in
 * time, a command cut off by the connection closing (a MULTI in flight when a cluster master failed over), or a cluster
 * with no node to ask, a slot without a master or a node still loading its data. A cluster client stays `ready` through
 * a failover, so these words are all that tell the outage from a bug.
 */
const REDIS_OUTAGE =
	/enableOfflineQueue|Connection is closed|MaxRetriesPerRequest|max retries per request|Command timed out|Command aborted due to connection close|Failed to refresh slots cache|None of startup nodes|Too many Cluster redirections|CLUSTERDOWN|TRYAGAIN|MASTERDOWN|LOADING Redis is loading/;

const isRedisOutage = (error: unknown, redisReady: () => boolean): boolean =>
	!redisReady() || (error instanceof Error && REDIS_OUTAGE.test(`${error.name} ${error.message}`));

export const problemErrorHandler =
	({
		bodyLimit,
		log,
		redisReady = () => true,
	}: {
		bodyLimit: string;
		log: (message: string, error: unknown) => void;
		/** While the API's Redis connection is down, an unexpected error is the outage, answered as 503 rather than 500. */
		redisReady?: () => boolean;
	}): ErrorRequestHandler =>
	(error: unknown, req, res, _next) => {
		const known = error instanceof BillcastError ? error : fromHttpLayer((error ?? {}) as HttpLayerError, bodyLimit, contentEncodingOf(req));
		if (res.headersSent) {
			// A streamed answer (an export, an event stream) that fails half way can only be cut short.
			if (!known) log('error after the response started', error);
			res.destroy();
			return;
		}
		if (known) {
			sendProblem(res, known);
			return;
		}
		if (isRedisOutage(error, redisReady)) {
			res.set('Retry-After', '5');
			sendProblem(res, new RedisUnavailableError());
			return;
		}
		log('unhandled error', error);
		sendProblem(res, new BillcastError('internal_error', 500, 'Internal error', 'Something went wrong on our side.'));
	};

/**
 * Node answers requests it cannot parse (headers over `maxHeaderSize`, broken HTTP) itself with a bare status line;
 * this makes those answers problem+json like every other client error.
 */
export const answerClientErrorsWithProblems = (server: Server): Server =>
	server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & {_httpMessage?: {headersSent?: boolean}}) => {
		if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
			socket.destroy();
			return;
		}
		const problem =
			error.code === 'HPE_HEADER_OVERFLOW'
				? new RequestHeadersTooLargeError()
				: error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
					? new BadRequestError('The request took too long to arrive.', 408)
					: new BadRequestError('The request is not valid HTTP/1.1.');
		const body = problemBody(problem);
		socket.end(
			`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
				`Content-Type: ${PROBLEM_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
		);
	});
