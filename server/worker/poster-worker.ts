import {renderStill} from '@remotion/renderer';
import {UnrecoverableError, Worker, type Job} from 'bullmq';
import {KEY_TAG, type RedisClient} from '../platform/redis-connection';
import {logQueueErrors} from '../platform/redis-outage';
import {computeRenderInput} from '../../src/render-input';
import type {WarmBrowser} from './browser';
import {inlineBrandLogo} from './logo-inline';
import {selectForRender} from './render-video';
import {withRemotionPort} from './remotion-port';
import {jobFromProps} from '../renders/on-demand-job';
import {posterQueueName, type PosterJob} from '../renders/on-demand-poster-queue';
import {ARTIFACT_TYPES, artifactKey} from '../renders/render-paths';
import type {RenderStore} from '../renders/render-store';
import type {Logger} from '../platform/logger';
import type {RenderStorage} from '../storage/render-storage';

/** The JPEG quality of a poster drawn on its own, as the video's frames are drawn. */
const POSTER_JPEG_QUALITY = 90;

/**
 * Draws posters asked for before (or without) their video: one still of the timeline's poster frame, in the warm
 * browser the videos use, beside them in a tab of its own, so a poster never waits for a video to finish.
 */
export const makePosterWorker = ({
	connection,
	renderQueueName,
	serveUrl,
	storage,
	browser,
	browserExecutable,
	store,
	logger,
	usingBrowser,
}: {
	connection: RedisClient;
	renderQueueName: string;
	serveUrl: string;
	storage: RenderStorage;
	browser: WarmBrowser;
	browserExecutable: string;
	store: RenderStore;
	logger: Logger;
	/** Runs the drawing while the render worker counts it as using the browser, so no tidy closes its tab. */
	usingBrowser: <T>(work: () => Promise<T>) => Promise<T>;
}): Worker<PosterJob> => {
	const draw = async (job: Job<PosterJob>): Promise<void> => {
		const {renderId} = job.data;
		const key = artifactKey(renderId, 'poster');
		// The video's render writes the poster too; whichever came first is kept.
		if (await storage.exists(key)) return;
		const [record, props] = await Promise.all([store.get(renderId), store.getProps(renderId)]);
		if (!record || !props) throw new UnrecoverableError(`render ${renderId} is gone`);
		const data = jobFromProps(record, props);
		await inlineBrandLogo(data);
		const input = computeRenderInput(data);
		const started = performance.now();
		const {buffer} = await usingBrowser(async () => {
			const {common, composition} = selectForRender({input, serveUrl, browser: await browser.get(), browserExecutable});
			return withRemotionPort((port) =>
				renderStill({...common, port, composition, frame: input.timeline.posterFrame, output: null, imageFormat: 'jpeg', jpegQuality: POSTER_JPEG_QUALITY, scale: data.scale}),
			);
		});
		if (!buffer) throw new Error('renderStill answered no image');
		await storage.put(key, buffer, ARTIFACT_TYPES.poster);
		logger.info({renderId, ms: Math.round(performance.now() - started)}, 'poster drawn');
	};
	const worker = new Worker<PosterJob>(posterQueueName(renderQueueName), draw, {connection, prefix: KEY_TAG, concurrency: 1});
	logQueueErrors(worker, connection, 'poster worker');
	worker.on('failed', (job, error) => logger.warn({renderId: job?.data.renderId, reason: error.message}, 'poster not drawn'));
	return worker;
};
