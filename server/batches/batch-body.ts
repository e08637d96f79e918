import type {Hash} from 'node:crypto';
import type {IncomingMessage} from 'node:http';
import {addAbortSignal, pipeline, type Readable} from 'node:stream';
import {createBrotliDecompress, createGunzip, createInflate} from 'node:zlib';
import {contentEncodingOf, isDecodingError} from '../platform/content-encoding';
import {BadContentEncodingError, UnsupportedContentEncodingError} from '../platform/errors';
import {BatchTooLargeError, ClientClosedError} from './batch-errors';

const decoders: Record<string, () => NodeJS.ReadWriteStream> = {
	gzip: createGunzip,
	'x-gzip': createGunzip,
	deflate: createInflate,
	br: createBrotliDecompress,
};

/** What a decoded batch body may hold, and when its reader has gone. */
export interface BodyLimits {
	readonly maxBytes: number;
	/** How `maxBytes` is named to the client. */
	readonly maxBytesText: string;
	/**
	 * Aborted when the client hangs up. A compressed body arrives whole in milliseconds, so the request itself ending
	 * says nothing: without this, its decoding would go on long after anyone waits for the answer.
	 */
	readonly signal: AbortSignal;
}

/**
 * A streamed batch body as the client wrote it, before its Content-Encoding, hashed as it is read so the
 * Idempotency-Key check never needs the body whole. Throws at once for an encoding it cannot decode; a body that does
 * not match its encoding fails the iteration with a 400, one that decodes to more than `maxBytes` with a 413.
 */
export const decodedBody = (req: IncomingMessage, hash: Hash, limits: BodyLimits): AsyncIterable<Buffer> => {
	const encoding = contentEncodingOf(req);
	if (encoding === 'identity') return hashed(addAbortSignal(limits.signal, req), hash, encoding, limits);
	const makeDecoder = decoders[encoding];
	if (!makeDecoder) throw new UnsupportedContentEncodingError(encoding);
	// pipeline, not pipe: a client that hangs up mid-body must end the iteration, not leave it waiting.
	const decoded = pipeline(req, makeDecoder(), () => undefined) as unknown as Readable;
	return hashed(addAbortSignal(limits.signal, decoded), hash, encoding, limits);
};

const hashed = async function* (source: AsyncIterable<Buffer>, hash: Hash, encoding: string, limits: BodyLimits): AsyncGenerator<Buffer> {
	let bytes = 0;
	try {
		for await (const chunk of source) {
			bytes += chunk.length;
			if (bytes > limits.maxBytes) throw new BatchTooLargeError(limits.maxBytesText);
			hash.update(chunk);
			yield chunk;
		}
	} catch (error) {
		if (limits.signal.aborted) throw new ClientClosedError();
		if (isDecodingError(error)) throw new BadContentEncodingError(encoding, error.message);
		throw error;
	}
};
