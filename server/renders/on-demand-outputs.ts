import {setTimeout as sleep} from 'node:timers/promises';
import type {Request, Response} from 'express';
import {NotFoundError, PosterNotReadyError, QueueUnavailableError} from '../platform/errors';
import type {PosterQueue} from './on-demand-poster-queue';
import {PLACEHOLDER_POSTERS} from './poster-placeholder';
import {artifactKey} from './render-paths';
import type {RenderQueue} from './render-queue';
import {outputsOf, type RenderRecord} from './render-record';
import type {RenderStore} from './render-store';
import type {OutputSender} from '../storage/output-sender';
import type {RenderStorage} from '../storage/render-storage';

/** How long a poster request waits for the still: an email client shows a broken image rather than wait much longer. */
export const POSTER_WAIT_MS = 10_000;
const POSTER_POLL_MS = 100;
/** What a client asking for an MP4 still being rendered is told to wait before asking again. */
export const VIDEO_RETRY_AFTER_SECONDS = 3;

export interface OnDemandOutputs {
	/**
	 * The MP4 asked for: an on-demand render is queued by the first request (one job however many ask at once, since only
	 * one caller moves the record out of `on-demand` and the job id is the render id). Answers the record as it is now.
	 */
	requestVideo(record: RenderRecord): Promise<RenderRecord>;
	/** Queues the poster of a render accepted with its MP4 on demand but its poster to render. */
	drawPoster(renderId: string): Promise<void>;
	/**
	 * Answers the poster image, drawn first when it does not exist yet, or a 503 problem with Retry-After past
	 * POSTER_WAIT_MS; a failed render's, which will not be drawn, a placeholder at once.
	 */
	sendPoster(req: Request, res: Response, record: RenderRecord): Promise<void>;
}

/** An on-demand MP4 on its way: its request is answered 202 with the progress instead of 409. */
export const isVideoPending = (record: RenderRecord): boolean =>
	outputsOf(record).mp4 === 'on-demand' && (record.status === 'queued' || record.status === 'rendering');

const queueError = (error: unknown) => new QueueUnavailableError(error instanceof Error ? error.message : String(error));

export const makeOnDemandOutputs = ({
	store,
	queue,
	posters,
	storage,
	outputs,
}: {
	store: RenderStore;
	queue: RenderQueue;
	posters: PosterQueue;
	storage: RenderStorage;
	outputs: OutputSender;
}): OnDemandOutputs => {
	/** Undefined when no poster will come: a failed render's poster job fails as its video did (a logo that cannot load). */
	const posterKey = async (record: RenderRecord): Promise<string | undefined> => {
		const key = artifactKey(record.id, 'poster');
		if (await storage.exists(key)) return key;
		if (record.status === 'failed') return undefined;
		await posters.request(record.id).catch((error: unknown) => {
			throw queueError(error);
		});
		for (const deadline = Date.now() + POSTER_WAIT_MS; Date.now() < deadline; await sleep(POSTER_POLL_MS)) {
			if (await storage.exists(key)) return key;
		}
		throw new PosterNotReadyError(record.id, POSTER_WAIT_MS);
	};
	return {
		async requestVideo(record) {
			if (record.status !== 'on-demand') return record;
			if (await store.requestOnDemand(record.id)) {
				const props = await store.getProps(record.id);
				if (!props) throw new NotFoundError(`The bill of render ${record.id}`);
				try {
					await queue.enqueue(record.id);
				} catch (error) {
					await store.returnToOnDemand(record.id);
					throw queueError(error);
				}
			}
			return (await store.get(record.id)) ?? record;
		},
		async drawPoster(renderId) {
			await posters.request(renderId);
		},
		async sendPoster(req, res, record) {
			const key = await posterKey(record).catch((error: unknown) => {
				if (error instanceof PosterNotReadyError) res.set('Retry-After', '2');
				throw error;
			});
			if (!key) {
				// Sent again, the bill renders under the same id and its real poster follows: caches keep this one briefly.
				res.set('Cache-Control', 'public, max-age=300').type('image/jpeg').send(PLACEHOLDER_POSTERS[record.format]);
				return;
			}
			await outputs.send(req, res, {key, contentType: 'image/jpeg', what: `The poster of render ${record.id}`});
		},
	};
};
