import {monitorEventLoopDelay} from 'node:perf_hooks';
import {UnrecoverableError, Worker, type Job} from 'bullmq';
import {KEY_TAG, type RedisClient} from '../platform/redis-connection';
import {logQueueErrors} from '../platform/redis-outage';
import {computeRenderInput} from '../../src/render-input';
import {sharedScenesOf} from '../../src/shared-scenes';
import {killOrphanedBrowsers, openWarmBrowser, type WarmBrowser} from './browser';
import {BillcastError, RenderFailedError} from '../platform/errors';
import {writeRenderArtifacts} from './render-artifacts';
import {startHeartbeat} from './worker-heartbeat';
import {renderJobRefSchema, renderJobSchema, type RenderJob, type RenderJobRef} from '../renders/render-job';
import {RENDER_JOBS_KEPT, type RenderQueue} from '../renders/render-queue';
import {artifactPath, videoPath} from '../renders/render-paths';
import type {RenderOutput, RenderRecord} from '../renders/render-record';
import type {RenderStore} from '../renders/render-store';
import type {Logger} from '../platform/logger';
import type {Metrics} from '../platform/metrics';
import {makeSceneFrameCache} from './scene-frame-cache';
import {renderVideo} from './render-video';
import type {WebhookNotifier} from '../webhooks/webhook-notifier';
import {inlineBrandLogo} from './logo-inline';
import {RENDER_RETRY_BASE_MS, renderRetryBackoff} from './render-retry';
import type {OutboundGuard} from '../platform/outbound-guard';
import {makePosterWorker} from './poster-worker';
import {narrationOnce} from './narrate-render';
import {makeNarrationWorker} from './narration-worker';
import type {NarrationConfig} from '../voice/narration-config';
import {createSpeechCache} from '../voice/speech-cache';
import {rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {RenderStorage} from '../storage/render-storage';
import {uploadRenderOutputs} from './upload-outputs';
import {makeBusyCount} from './busy-count';
import {cancelRendersThatLoseTheirLock, holdsLock, RenderLockLostError} from './render-lock';
import {makeWorkDir, removeDeadProcessesDirs} from '../storage/work-dirs';

export interface RenderWorker {
	readonly worker: Worker<RenderJobRef, RenderOutput>;
	readonly browser: WarmBrowser;
	/** Stops taking jobs, lets the active ones finish, then closes the browser. */
	close(): Promise<void>;
	/** Resolves once no render or poster is under way, for a stop that bounds what it waits for after them. */
	idle(): Promise<void>;
}

/** BullMQ's reason for a job whose worker died (kill -9, OOM, lost Redis) more often than `maxStalledCount` allows. */
const STALLED_REASON = 'job stalled more than allowable limit';

const errorValue = (error: unknown) =>
	error instanceof BillcastError
		? {code: error.code, message: error.message}
		: error instanceof Error && error.message === STALLED_REASON
			? {code: 'worker_lost', message: 'The worker rendering this bill stopped twice before finishing; post the bill again to retry.'}
			: {code: 'render_failed', message: error instanceof Error ? error.message : String(error)};

/** Long enough for Remotion's image retries (1 s, then 2 s) to give up after a render has failed. */
const LATE_TIDY_MS = 5_000;

interface JobLocks {
	readonly lockDuration: number;
	readonly stalledInterval: number;
	readonly maxStalledCount: number;
}

/**
 * A healthy render never loses its lock: BullMQ renews it every lockDuration / 2 (7.5 s) on a timer, whatever the
 * render's length, and the longest event-loop stall measured during renders (see README, "Worker operations") is far
 * below that. A dead worker's job is taken up within lockDuration + stalledInterval (25 s at worst): its lock expires at
 * most 15 s after the last renewal, and the next stalled check after that (every 10 s) puts it back in the queue.
 * Render time does not enter the sum, which is why a 30 s video (about 13 s to render on two cores) needs no longer lock.
 */
const WORKER_LOCKS: JobLocks = {lockDuration: 15_000, stalledInterval: 10_000, maxStalledCount: 1};

export const makeRenderWorker = async ({
	connection,
	queue,
	serveUrl,
	storage,
	browserExecutable,
	store,
	webhooks,
	metrics,
	logger,
	concurrency = 1,
	watchdog = true,
	narrationFor = () => undefined,
	speechCacheDir = join(tmpdir(), 'billcast-speech-cache'),
	retryBaseMs = RENDER_RETRY_BASE_MS,
	outbound,
	locks = WORKER_LOCKS,
}: {
	connection: RedisClient;
	/** The queue this worker takes renders from, and puts back a render posted again while its job was ending. */
	queue: RenderQueue;
	serveUrl: string;
	/** Where finished outputs go; the render itself is written to a temporary folder of this machine first. */
	storage: RenderStorage;
	browserExecutable: string;
	store: RenderStore;
	/** Told when a render ends for good, after its record is written; it never throws, so it never fails a render. */
	webhooks: WebhookNotifier;
	metrics: Metrics;
	logger: Logger;
	concurrency?: number;
	/** A process that kills this worker's browsers if it dies (see `openWarmBrowser`). */
	watchdog?: boolean;
	/** A tenant's narration config; without one the tenant's videos are silent. */
	narrationFor?: (tenantId: string) => NarrationConfig | undefined;
	/** Sentences synthesized once and shared by every render (and worker) on this machine. */
	speechCacheDir?: string;
	/** The first wait after a network failure (see render-retry.ts); a test's is milliseconds. */
	retryBaseMs?: number;
	/** Fetches brand logos; the process's guard, with the environment's policy, unless a test plays DNS itself. */
	outbound?: OutboundGuard;
	/** The job locks' timings; a test's are a second or two, to lose a lock without waiting for production's 15 s. */
	locks?: JobLocks;
}): Promise<RenderWorker> => {
	const queueName = queue.queue.name;
	// What a dead worker left behind: browsers marked as its own, half-written videos, and its work folders.
	const [orphans, partials, workDirs] = await Promise.all([killOrphanedBrowsers(), storage.removeStalePartials(), removeDeadProcessesDirs()]);
	if (orphans + partials + workDirs > 0) logger.info({orphanedBrowsers: orphans, partialFiles: partials, workDirs}, 'removed what a dead worker left behind');
	// One warm browser for every job; opened again only if it has died.
	const browser = await openWarmBrowser({browserExecutable, watchdog});
	// The lock is renewed on a timer, so what could cost a healthy render its lock is the event loop stalling: each
	// completed render logs its longest stall, the measurement WORKER_LOCKS is checked against.
	let active = 0;
	let closing = false;
	let tidying = Promise.resolve();
	const tidy = (): Promise<void> => {
		tidying = browser.tidy().catch((error: unknown) => logger.error({err: error}, 'could not tidy the browser'));
		return tidying;
	};
	const loopDelay = monitorEventLoopDelay({resolution: 20});
	loopDelay.enable();
	// The close scene of one brand, locale and format is about 2 MB of JPEGs; this keeps dozens of them.
	const sceneCache = makeSceneFrameCache({maxBytes: 64 * 1024 * 1024});
	const speechCache = createSpeechCache({dir: speechCacheDir});

	// Only between renders and posters: a tab or a browser another one is using is not a leftover.
	const release = async () => {
		if (--active > 0) return;
		await tidy();
		// Remotion's retries of a failed frame run on after the render has rejected and may still open a browser;
		// a second look once they are over catches it.
		setTimeout(() => active === 0 && !closing && void tidy(), LATE_TIDY_MS).unref();
	};
	const jobs = makeBusyCount();
	const usingBrowser = async <T>(work: () => Promise<T>): Promise<T> => jobs.during(async () => {
		active++;
		await tidying;
		try {
			return await work();
		} finally {
			await release();
		}
	});

	/**
	 * A worker killed between writing `completed` and telling the tenant leaves a completed render whose job BullMQ runs
	 * again (or fails, stalled): telling it again here sends its one `render.completed`, as the event id is the render's
	 * and a delivery already recorded is not queued twice.
	 */
	const tellIfCompleted = async (record: RenderRecord | undefined): Promise<void> => {
		if (record?.status === 'completed') await webhooks.renderEnded(record);
	};
	const fail = async (renderId: string, error: unknown): Promise<void> => {
		const failed = await store.markFailed(renderId, errorValue(error));
		if (failed) await webhooks.renderEnded(failed);
		else await tellIfCompleted(await store.get(renderId));
	};

	/** The job holds only the render's id; what to render is the record's tenant and the bill kept beside it. */
	const load = async (job: Job<RenderJobRef, RenderOutput>): Promise<{existing?: RenderRecord; data: RenderJob}> => {
		const ref = renderJobRefSchema.safeParse(job.data);
		const renderId = ref.success ? ref.data.renderId : 'unknown';
		const [existing, props] = await Promise.all([store.get(renderId), store.getProps(renderId)]);
		// Checked again: anything can be written to Redis.
		const parsed =
			existing && props
				? renderJobSchema.safeParse({renderId, tenant: existing.tenant, template: props.template, format: props.format, scale: props.scale ?? 1, bill: props.bill})
				: undefined;
		if (!ref.success || !parsed?.success) {
			const why = ref.error?.message ?? parsed?.error?.message ?? 'the render has no record or no bill';
			const error = new RenderFailedError('invalid_job', `The queued job is not a valid render: ${why}`);
			await fail(renderId, error);
			throw new UnrecoverableError(error.message);
		}
		return {...(existing ? {existing} : {}), data: parsed.data};
	};

	const process = async (job: Job<RenderJobRef, RenderOutput>, token?: string, lockLost?: AbortSignal): Promise<RenderOutput> => {
		const attempt = job.attemptsMade + 1;
		const {existing, data} = await load(job);
		// A job BullMQ runs again after it lost its lock (a Redis outage, a stall) may find its render already done.
		if (existing?.status === 'completed') {
			await tellIfCompleted(existing);
			return existing.output;
		}
		let reported = -1;
		await store.markRendering(data.renderId, 0, attempt);
		const started = performance.now();
		loopDelay.reset();
		active++;
		// A tidy closes every tab: a render never starts while one runs.
		await tidying;
		// Laid out like the renders folder; nothing in it outlives the render, so any disk of the worker's will do.
		const workDir = await makeWorkDir('render');
		try {
			await inlineBrandLogo(data, outbound);
			// Usually made already by the narration worker; else made here, once, before the first frame is drawn.
			const voiced = await narrationOnce({redis: connection, store, request: data, config: narrationFor(data.tenant), storage, workDir, renderId: data.renderId, cache: speechCache});
			const narration = voiced.status === 'spoken' ? voiced.narration : undefined;
			const input = computeRenderInput({...data, narration});
			const output = await renderVideo({
				input,
				scale: data.scale,
				serveUrl,
				browser: await browser.get(),
				browserExecutable,
				outputFile: videoPath(workDir, data.renderId),
				posterFile: artifactPath(workDir, data.renderId, 'poster'),
				sharedScenes: sharedScenesOf({request: data, timeline: input.timeline}),
				sceneCache,
				audioFile: voiced.status === 'spoken' ? voiced.trackFile : undefined,
				cancelWhen: lockLost,
				onProgress: (progress) => {
					if (lockLost?.aborted) return;
					const rounded = Math.floor(progress * 100) / 100;
					if (rounded <= reported) return;
					reported = rounded;
					// Progress is a hint: a write lost while Redis is away is overtaken by the next one.
					job.updateProgress(rounded).catch(() => undefined);
					store.markRendering(data.renderId, rounded, attempt).catch(() => undefined);
				},
			});
			if (lockLost?.aborted || !(await holdsLock(job, token, locks.lockDuration))) throw new RenderLockLostError(job.id ?? data.renderId);
			await writeRenderArtifacts({rendersDir: workDir, renderId: data.renderId, timeline: input.timeline, templateBill: data, speech: narration?.speech});
			// The narration was stored when it was made, before the first frame; its copy here only fed the encoder.
			await uploadRenderOutputs({storage, workDir, renderId: data.renderId, stored: ['narration']});
			const seconds = (performance.now() - started) / 1000;
			metrics.renderDuration.observe({template: data.template, format: data.format}, seconds);
			const loopStallMs = Math.round(loopDelay.max / 1e6);
			const synthesisMs = voiced.status === 'spoken' ? Math.round(voiced.synthesisMs) : undefined;
			logger.info({renderId: data.renderId, attempt, seconds: +seconds.toFixed(1), bytes: output.bytes, loopStallMs, synthesisMs}, 'render completed');
			const completed = await store.markCompleted(data.renderId, narration ? {...output, speech: narration.speech} : output);
			if (completed) await webhooks.renderEnded(completed);
			return output;
		} catch (error) {
			// The worker that holds the job now writes the render's record and outputs; nothing here is this attempt's.
			if (lockLost?.aborted || error instanceof RenderLockLostError) {
				logger.warn({renderId: data.renderId, attempt}, 'render stopped: its job lock is lost, another worker renders it');
				throw error;
			}
			const final = attempt >= (job.opts.attempts ?? 1);
			const {code, message} = errorValue(error);
			metrics.renderFailures.inc({code});
			logger.warn({renderId: data.renderId, attempt, final, code, message}, 'render attempt failed');
			// The last attempt's end is written by the `failed` listener, the one place every final failure passes.
			if (!final) await store.markRetrying(data.renderId, attempt + 1);
			// Given to this attempt's job alone, which BullMQ reads as it schedules the next: as a queue default it would
			// be stored with every queued job (see render-queue.ts).
			const backoff = final ? undefined : renderRetryBackoff(error, retryBaseMs);
			if (backoff) job.opts.backoff = backoff;
			throw error;
		} finally {
			await rm(workDir, {recursive: true, force: true});
			await release();
		}
	};

	const worker = new Worker<RenderJobRef, RenderOutput>(
		queueName,
		// Three parameters: BullMQ then gives each job a signal, aborted when its lock is lost (render-lock.ts).
		(job, token, lockLost) => jobs.during(() => process(job, token, lockLost)),
		{connection, prefix: KEY_TAG, concurrency, ...locks, ...RENDER_JOBS_KEPT},
	);
	cancelRendersThatLoseTheirLock(worker);
	const narrationWorker = makeNarrationWorker({connection, renderQueueName: queueName, storage, store, cache: speechCache, narrationFor, logger});
	const posterWorker = makePosterWorker({connection, renderQueueName: queueName, serveUrl, storage, browser, browserExecutable, store, logger, usingBrowser});
	// Failures being written when the worker closes: their webhooks are queued before close() resolves.
	const endings = new Set<Promise<void>>();
	const stopHeartbeat = startHeartbeat({redis: connection, queueName});
	logQueueErrors(worker, connection, 'render worker');
	// Every way BullMQ gives up on a job ends here: the last attempt failing, and a job that stalled too often, which
	// BullMQ fails without calling the processor.
	worker.on('failed', (job, error) => {
		const renderId = job?.data.renderId;
		if (!job || !renderId) return;
		const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
		if (!final) return;
		logger.warn({renderId, attempts: job.attemptsMade, reason: error.message}, 'render failed for good');
		const ending = fail(renderId, error)
			.catch((failure: unknown) => logger.error({err: failure, renderId}, 'could not record a failed render'))
			.finally(() => endings.delete(ending));
		endings.add(ending);
	});
	// A bill posted again just as its render ended (its record already completed, its video since lost) sets the record
	// back to queued, but BullMQ keeps a job it is still finishing (writing the poster, tidying the browser), so the API
	// could neither remove it nor add the render again: once the job has ended, the render is queued here instead.
	const queueAgainIfReset = async (renderId: string) => {
		if ((await store.get(renderId))?.status !== 'queued') return;
		await queue.forget(renderId);
		await queue.enqueue(renderId);
		logger.info({renderId}, 'render posted again as its job ended: queued again');
	};
	worker.on('completed', (job) => {
		const {renderId} = job.data;
		queueAgainIfReset(renderId).catch((error: unknown) => logger.error({err: error, renderId}, 'could not queue again a render posted again as it ended'));
	});
	worker.on('stalled', (jobId) => logger.warn({jobId}, 'render stalled: its worker stopped renewing the lock; queued again'));
	// BullMQ cannot close a worker whose connections are still starting without an unhandled "Connection is closed"
	// (taskforcesh/bullmq#3546): a SIGTERM just after start made the worker exit 1. Ready before it is returned, it closes cleanly.
	await Promise.all([worker, narrationWorker, posterWorker].map((each) => each.waitUntilReady()));
	return {
		worker,
		browser,
		idle: jobs.idle,
		async close() {
			closing = true;
			stopHeartbeat();
			await Promise.all([worker.close(), posterWorker.close(), narrationWorker.close()]);
			loopDelay.disable();
			await Promise.all(endings);
			await browser.close();
		},
	};
};
