import type {Hash} from 'node:crypto';
import type {IncomingMessage} from 'node:http';
import {pipeline, type Readable} from 'node:stream';
import {createBrotliDecompress, createGunzip, createInflate} from 'node:zlib';
import {contentEncodingOf, isDecodingError} from '../platform/content-encoding';
import {BadContentEncodingError, UnsupportedContentEncodingError} from '../platform/errors';

const decoders: Record<string, () => NodeJS.ReadWriteStream> = {
	gzip: createGunzip,
	'x-gzip': createGunzip,
	deflate: createInflate,
	br: createBrotliDecompress,
};

/**
 * A streamed batch body as the client wrote it, before its Content-Encoding, hashed as it is read so the
 * Idempotency-Key check never needs the body whole. Throws at once for an encoding it cannot decode; a body that does
 * not match its encoding fails the iteration with a 400.
 */
export const decodedBody = (req: IncomingMessage, hash: Hash): AsyncIterable<Buffer> => {
	const encoding = contentEncodingOf(req);
	if (encoding === 'identity') return hashed(req, hash, encoding);
	const makeDecoder = decoders[encoding];
	if (!makeDecoder) throw new UnsupportedContentEncodingError(encoding);
	// pipeline, not pipe: a client that hangs up mid-body must end the iteration, not leave it waiting.
	return hashed(pipeline(req, makeDecoder(), () => undefined) as unknown as Readable, hash, encoding);
};

const hashed = async function* (source: AsyncIterable<Buffer>, hash: Hash, encoding: string): AsyncGenerator<Buffer> {
	try {
		for await (const chunk of source) {
			hash.update(chunk);
			yield chunk;
		}
	} catch (error) {
		if (isDecodingError(error)) throw new BadContentEncodingError(encoding, error.message);
		throw error;
	}
};
