import {openBrowser, type HeadlessBrowser} from '@remotion/renderer';
import {UnrecoverableError, Worker, type Job} from 'bullmq';
import type {Redis} from 'ioredis';
import {computeRenderInput} from '../src/render-input';
import {sharedScenesOf} from '../src/shared-scenes';
import {chromeModeFor} from './browser';
import {BillcastError, RenderFailedError} from './errors';
import {writeRenderArtifacts} from './render-artifacts';
import {startHeartbeat} from './worker-heartbeat';
import {renderJobSchema, type RenderJob} from './render-job';
import {artifactPath, videoPath} from './render-paths';
import type {RenderOutput} from './render-record';
import type {RenderStore} from './render-store';
import type {Logger} from './logger';
import type {Metrics} from './metrics';
import {makeSceneFrameCache} from './scene-frame-cache';
import {renderVideo} from './render-video';
import type {WebhookNotifier} from './webhook-notifier';
import {inlineBrandLogo} from './logo-inline';

export interface RenderWorker {
	readonly worker: Worker<RenderJob, RenderOutput>;
	/** Stops taking jobs, lets the active ones finish, then closes the browser. */
	close(): Promise<void>;
}

const errorValue = (error: unknown) =>
	error instanceof BillcastError
		? {code: error.code, message: error.message}
		: {code: 'render_failed', message: error instanceof Error ? error.message : String(error)};

const isAlive = (browser: HeadlessBrowser): Promise<boolean> =>
	Promise.race([
		// A cheap, idempotent command Remotion itself sends at start: it only answers while Chromium is alive.
		browser.connection.send('Target.setDiscoverTargets', {discover: true}).then(() => true),
		new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000).unref()),
	]).catch(() => false);

export const makeRenderWorker = async ({
	connection,
	queueName,
	serveUrl,
	rendersDir,
	browserExecutable,
	store,
	webhooks,
	metrics,
	logger,
	concurrency = 1,
}: {
	connection: Redis;
	queueName: string;
	serveUrl: string;
	rendersDir: string;
	browserExecutable: string;
	store: RenderStore;
	/** Told when a render ends for good, after its record is written; it never throws, so it never fails a render. */
	webhooks: WebhookNotifier;
	metrics: Metrics;
	logger: Logger;
	concurrency?: number;
}): Promise<RenderWorker> => {
	let browser: Promise<HeadlessBrowser> | undefined;
	// One warm browser for every job; opened again only if it has died.
	const getBrowser = async (): Promise<HeadlessBrowser> => {
		const current = browser ? await browser.catch(() => undefined) : undefined;
		if (current && (await isAlive(current))) return current;
		browser = openBrowser('chrome', {browserExecutable, chromeMode: chromeModeFor(browserExecutable), logLevel: 'error'});
		return browser;
	};
	await getBrowser();
	// The close scene of one brand, locale and format is about 2 MB of JPEGs; this keeps dozens of them.
	const sceneCache = makeSceneFrameCache({maxBytes: 64 * 1024 * 1024});

	const fail = async (renderId: string, error: unknown): Promise<void> => {
		const failed = await store.markFailed(renderId, errorValue(error));
		if (failed) await webhooks.renderEnded(failed);
	};

	const process = async (job: Job<RenderJob, RenderOutput>): Promise<RenderOutput> => {
		const attempt = job.attemptsMade + 1;
		const parsed = renderJobSchema.safeParse(job.data);
		if (!parsed.success) {
			const error = new RenderFailedError('invalid_job', `The queued job is not a valid render: ${parsed.error.message}`);
			await fail(job.id ?? 'unknown', error);
			throw new UnrecoverableError(error.message);
		}
		const data = parsed.data;
		let reported = -1;
		await store.markRendering(data.renderId, 0, attempt);
		const started = performance.now();
		try {
			await inlineBrandLogo(data);
			const input = computeRenderInput(data);
			const output = await renderVideo({
				input,
				scale: data.scale,
				serveUrl,
				browser: await getBrowser(),
				browserExecutable,
				outputFile: videoPath(rendersDir, data.renderId),
				posterFile: artifactPath(rendersDir, data.renderId, 'poster'),
				sharedScenes: sharedScenesOf({request: data, timeline: input.timeline}),
				sceneCache,
				onProgress: (progress) => {
					const rounded = Math.floor(progress * 100) / 100;
					if (rounded <= reported) return;
					reported = rounded;
					void job.updateProgress(rounded);
					void store.markRendering(data.renderId, rounded, attempt);
				},
			});
			await writeRenderArtifacts({rendersDir, renderId: data.renderId, timeline: input.timeline, templateBill: data});
			const seconds = (performance.now() - started) / 1000;
			metrics.renderDuration.observe({template: data.template, format: data.format}, seconds);
			logger.info({renderId: data.renderId, attempt, seconds: +seconds.toFixed(1), bytes: output.bytes}, 'render completed');
			const completed = await store.markCompleted(data.renderId, output);
			if (completed) await webhooks.renderEnded(completed);
			return output;
		} catch (error) {
			const final = attempt >= (job.opts.attempts ?? 1);
			const {code, message} = errorValue(error);
			metrics.renderFailures.inc({code});
			logger.warn({renderId: data.renderId, attempt, final, code, message}, 'render attempt failed');
			if (final) await fail(data.renderId, error);
			else await store.markRetrying(data.renderId, attempt + 1);
			throw error;
		}
	};

	const worker = new Worker<RenderJob, RenderOutput>(queueName, process, {connection, concurrency});
	const stopHeartbeat = startHeartbeat({redis: connection, queueName});
	worker.on('error', (error) => logger.error({err: error}, 'render queue error'));
	return {
		worker,
		async close() {
			stopHeartbeat();
			await worker.close();
			const open = browser ? await browser.catch(() => undefined) : undefined;
			await open?.close({silent: true});
		},
	};
};
