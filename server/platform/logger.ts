import {pino, type DestinationStream, type Logger} from 'pino';

export type {Logger};

/**
 * JSON lines, one per event, for a log collector. Request bodies and headers are never logged, so no name, amount,
 * API key or watch token reaches a log line; `redactUrl` takes the token out of watch URLs.
 */
export const makeLogger = ({
	service,
	level = 'info',
	destination,
}: {
	service: 'api' | 'worker';
	level?: string;
	destination?: DestinationStream;
}): Logger =>
	pino(
		{
			level,
			base: {service},
			timestamp: pino.stdTimeFunctions.isoTime,
			// Errors carry their message and code; a validation error's message names fields, never their values.
			serializers: {err: pino.stdSerializers.err},
			redact: {paths: ['authorization', '*.authorization', 'token', '*.token'], censor: '[redacted]'},
		},
		destination,
	);

/** A path with the watch token replaced, for logs and metrics: the token is a customer's key to their bill. */
export const redactUrl = (url: string): string =>
	url.replace(/^\/(w|v1\/watch)\/[^/?#]+/, '/$1/:token').replace(/\?.*$/, '');
