import {pipeline} from 'node:stream/promises';
import type {Request, Response} from 'express';
import parseRange from 'range-parser';
import {NotFoundError} from '../platform/errors';
import type {ByteRange, RenderStorage} from './render-storage';
import type {StorageServeMode} from '../platform/storage-config';

/** How long a presigned address works: long enough to watch a video through, seeking included, from one page load. */
const SIGNED_URL_SECONDS = 3600;

export interface OutputSender {
	/**
	 * Answers a stored render output: a 302 to a presigned URL (S3 in redirect mode, where following it needs no CORS),
	 * else its bytes with Range support (206 for one range, 416 for none that fits). Whoever calls it has checked the key
	 * or token already.
	 */
	send(req: Request, res: Response, output: {key: string; contentType: string; what: string}): Promise<void>;
	/** Where redirects send the viewer's browser, which a page's Content-Security-Policy must allow; none when streamed. */
	readonly redirectOrigin: string | undefined;
}

const rangeOf = (req: Request, size: number): ByteRange | 'unsatisfiable' | undefined => {
	const header = req.get('range');
	if (!header) return undefined;
	const ranges = parseRange(size, header, {combine: true});
	if (ranges === -1) return 'unsatisfiable';
	// Malformed, or several ranges (multipart/byteranges, which no player asks for): the whole object, as send does.
	if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return undefined;
	return ranges[0];
};

/** The small files the player reads with fetch(): the hotspots and the captions and chapters (a few KB each). */
const FETCHED_TYPES = new Set(['application/json', 'text/vtt']);

/**
 * Whether the browser asks in CORS mode: fetch(), or a <video crossorigin> as the player's MP4 stage is. Such a request
 * that follows a 302 to the bucket needs the bucket's own CORS rules (the API's Access-Control-Allow-Origin does not
 * carry over to another origin), which a bucket has none of until someone configures them. Cross-origin CORS requests
 * always carry Origin; Sec-Fetch-Mode tells same-origin ones apart where browsers send it (https and localhost).
 */
const asksInCorsMode = (req: Request) => req.get('sec-fetch-mode') === 'cors' || req.get('origin') !== undefined;

export const makeOutputSender = ({storage, mode}: {storage: RenderStorage; mode: StorageServeMode}): OutputSender => ({
	redirectOrigin: mode === 'redirect' ? storage.signedUrlOrigin : undefined,
	async send(req, res, {key, contentType, what}) {
		// Redirect mode sends the bucket's address only where a browser needs no CORS to follow it: a link opened from an
		// SMS or an email, an <img>, a download. What the player asks for in CORS mode is streamed, so the watch page works
		// with a bucket as it comes; its small text files always are, for browsers that send no Sec-Fetch-Mode.
		const mayRedirect = mode === 'redirect' && !FETCHED_TYPES.has(contentType);
		// One address answers a redirect or the bytes by how it is asked: a cache must keep the two apart.
		if (mayRedirect) res.vary('Origin').vary('Sec-Fetch-Mode');
		if (mayRedirect && !asksInCorsMode(req)) {
			const url = await storage.signedUrl(key, {expiresInSeconds: SIGNED_URL_SECONDS, contentType});
			if (url) {
				// The address expires: a cached redirect would outlive it.
				res.set('Cache-Control', 'no-store').redirect(302, url);
				return;
			}
		}
		const object = await storage.stat(key);
		if (!object) throw new NotFoundError(what);
		const range = rangeOf(req, object.bytes);
		res.set({'Accept-Ranges': 'bytes', 'Content-Type': contentType, 'Last-Modified': new Date(object.modifiedMs).toUTCString()});
		if (range === 'unsatisfiable') {
			res.status(416).set('Content-Range', `bytes */${object.bytes}`).end();
			return;
		}
		if (range) res.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${object.bytes}`);
		res.set('Content-Length', String(range ? range.end - range.start + 1 : object.bytes));
		if (req.method === 'HEAD') {
			res.end();
			return;
		}
		const body = await storage.read(key, range);
		if (!body) throw new NotFoundError(what);
		// A viewer seeking away closes the connection mid-body; that ends this answer, not the process.
		await pipeline(body, res).catch(() => body.destroy());
	},
});
