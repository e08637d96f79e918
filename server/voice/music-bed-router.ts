import express, {Router, type RequestHandler} from 'express';
import {NotFoundError, PayloadTooLargeError} from '../platform/errors';
import {tenantOf} from '../tenants/tenant';
import {MUSIC_BED_LIMIT_TEXT, MUSIC_BED_LIMITS, MUSIC_BED_TYPES, normalizeMusicBed} from './music-bed-audio';
import {UnsupportedAudioTypeError} from './music-bed-errors';
import type {MusicBedStore} from './music-bed-store';
import {musicBedView, type MusicBedView} from './music-bed-view';

const acceptAudio: RequestHandler = (req, _res, next) => {
	const type = req.get('content-type')?.split(';')[0]?.trim().toLowerCase();
	next((MUSIC_BED_TYPES as readonly string[]).includes(type ?? '') ? undefined : new UnsupportedAudioTypeError(req.get('content-type'), MUSIC_BED_TYPES));
};

const raw = express.raw({type: () => true, limit: MUSIC_BED_LIMITS.maxBytes});
/** The body whole (at most 20 MiB): ffmpeg reads a file, not a pipe, as an MP4 may keep its index at the end. */
const readAudio: RequestHandler = (req, res, next) =>
	raw(req, res, (error?: unknown) => next((error as {type?: string} | undefined)?.type === 'entity.too.large' ? new PayloadTooLargeError(MUSIC_BED_LIMIT_TEXT) : error));

/** `PUT`, `GET` and `DELETE /v1/music-bed`: the tenant's own bed under the narration, instead of the generated one. */
export const makeMusicBedRouter = ({beds}: {beds: MusicBedStore}): Router => {
	const router = Router();

	router.put('/v1/music-bed', acceptAudio, readAudio, async (req, res) => {
		const tenant = tenantOf(res);
		// A request without a body leaves none to parse: it is an empty upload.
		const audio: unknown = req.body;
		const bed = await normalizeMusicBed({audio: Buffer.isBuffer(audio) ? audio : Buffer.alloc(0)});
		const {upload, replaced} = await beds.put(tenant.id, bed);
		const body: MusicBedView = musicBedView(tenant.narration, upload);
		res.status(replaced ? 200 : 201).json(body);
	});

	router.get('/v1/music-bed', async (_req, res) => {
		const tenant = tenantOf(res);
		const body: MusicBedView = musicBedView(tenant.narration, await beds.get(tenant.id));
		res.json(body);
	});

	router.delete('/v1/music-bed', async (_req, res) => {
		if (!(await beds.delete(tenantOf(res).id))) throw new NotFoundError('An uploaded music bed');
		res.status(204).end();
	});

	return router;
};
