import type {IncomingMessage} from 'node:http';

export const contentEncodingOf = (req: IncomingMessage): string => (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();

/** zlib's own errors carry a `Z_…` code (brotli's `ERR__…`); body-parser passes them on as a bare 400. */
export const isDecodingError = (error: unknown): error is Error & {code: string} =>
	error instanceof Error && 'code' in error && typeof error.code === 'string' && /^(Z_|ERR__)/.test(error.code);
