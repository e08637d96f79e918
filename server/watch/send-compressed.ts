import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import type {Request, Response} from 'express';

/** Below this, compressing costs more than the bytes it saves (the `compression` middleware's own threshold). */
const MIN_BYTES = 1024;

/**
 * br when the viewer takes it, else gzip, else none. Browsers list `gzip, deflate, br, zstd` with equal weight and
 * `req.acceptsEncodings` then keeps their order, which would send gzip to every browser; the server may choose among
 * equals, and br is the smaller.
 */
export const pickEncoding = (req: Request): 'br' | 'gzip' | 'identity' =>
	(['br', 'gzip'] as const).find((encoding) => req.acceptsEncodings(encoding) === encoding) ?? 'identity';

/**
 * Sends a small body built for this request (a watch page, the player's data) compressed in one synchronous call.
 * A streaming middleware keeps an encoder alive per response in flight: 200 viewers arriving at once held 200 brotli
 * encoders, and the native memory they took stayed with the process after the load (RSS 156 → 279 MiB with V8's heap
 * back at its idle size, `bench/watch-load.ts`). One call at a time reuses one encoder's memory, and knowing the size
 * lets brotli size its window to the body; a page of a few KiB compresses in well under a millisecond.
 */
export const sendCompressed = (req: Request, res: Response, {body, type}: {body: string; type: string}): void => {
	const bytes = Buffer.from(body);
	res.vary('Accept-Encoding').set('Content-Type', type);
	const encoding = bytes.length < MIN_BYTES ? 'identity' : pickEncoding(req);
	if (encoding === 'identity') {
		res.send(bytes);
		return;
	}
	const compressed =
		encoding === 'br'
			? brotliCompressSync(bytes, {params: {[constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length}})
			: gzipSync(bytes);
	res.set('Content-Encoding', encoding).send(compressed);
};
