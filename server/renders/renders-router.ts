import {createHash} from 'node:crypto';
import {Router, type Application} from 'express';
import {NotFoundError, QueueUnavailableError, RenderNotReadyError, RenderVideoFailedError, ValidationError} from '../platform/errors';
import {requireJson} from '../platform/require-json';
import type {Idempotency} from '../platform/idempotency';
import {isVideoPending, VIDEO_RETRY_AFTER_SECONDS, type OnDemandOutputs} from './on-demand-outputs';
import {prepareRenderJob} from './prepare-render-job';
import type {RenderOutputs} from './render-record';
import type {RenderJob} from './render-job';
import {ownRender} from './own-render';
import {artifactKey} from './render-paths';
import type {RenderQueue} from './render-queue';
import type {RenderStore} from './render-store';
import {renderView} from './render-view';
import {tenantOf} from '../tenants/tenant';
import type {WatchLinks} from '../watch/watch-links';
import type {OutputSender} from '../storage/output-sender';
import type {RenderStorage} from '../storage/render-storage';

const SSE_POLL_MS = 500;
/** An SSE comment, which EventSource ignores before it reconnects; it tells a person following with curl why it ended. */
const STOPPING_COMMENT = ': this API is stopping: connect again to follow the render\n\n';

/**
 * Ends the open event streams of a stopping API (server/api/api-main.ts) within a poll: a stream of a render no worker
 * takes never ends by itself, and the server's close waits for it. Clients connect again, to an API still running.
 */
export const endEventStreams = (app: Application): void => {
	app.locals.stopping = true;
};

const sha256Json = (body: unknown): string => createHash('sha256').update(JSON.stringify(body)).digest('hex');

/**
 * `POST /v1/renders` and the render's own routes. A bill's way on from here: `prepareRenderJob` checks it, `submit`
 * saves the record and the bill, then queues `{renderId}`; `process` in server/worker/render-worker.ts renders it
 * (`computeRenderInput`, then `renderVideo` and the encoder) and stores the files; the customer watches through
 * server/watch/watch-router.ts and the player in public/src/billcast-player.tsx.
 */
export const makeRendersRouter = ({
	store,
	queue,
	storage,
	outputs,
	publicBaseUrl,
	watchLinks,
	idempotency,
	onDemand,
}: {
	store: RenderStore;
	queue: RenderQueue;
	storage: RenderStorage;
	outputs: OutputSender;
	publicBaseUrl: string;
	watchLinks: WatchLinks;
	idempotency: Idempotency;
	onDemand: OnDemandOutputs;
}): Router => {
	const router = Router();


	const submit = async (job: RenderJob, outputs: RenderOutputs) => {
		const existing = await store.get(job.renderId);
		// The same bill posted again wanting its MP4 now: the on-demand render starts.
		if (existing?.status === 'on-demand' && outputs.mp4 === 'render') return onDemand.requestVideo(existing);
		// A completed render whose video is gone (its data folder was deleted while Redis kept the record) is made again.
		const outputLost = existing?.status === 'completed' && !(await storage.exists(artifactKey(existing.id, 'video')));
		if (existing && existing.status !== 'failed' && !outputLost) return existing;
		if (existing) {
			// The record first: a job still ending cannot be forgotten, and its worker queues the render again only if it
			// finds the record queued when the job ends.
			if (outputLost) await store.requeueLostOutput(job.renderId);
			else await store.requeue(job.renderId);
			await queue.forget(job.renderId);
		} else {
			await store.create({id: job.renderId, tenant: job.tenant, template: job.template, format: job.format, bill: job.bill, scale: job.scale, outputs});
		}
		try {
			if (outputs.mp4 === 'render') await queue.enqueue(job.renderId);
			else if (outputs.poster === 'render') await onDemand.drawPoster(job.renderId);
		} catch (error) {
			await store.delete(job.renderId);
			throw new QueueUnavailableError(error instanceof Error ? error.message : String(error));
		}
		const record = await store.get(job.renderId);
		if (!record) throw new NotFoundError(`Render ${job.renderId}`);
		return record;
	};

	router.post('/v1/renders', async (req, res) => {
		const tenant = tenantOf(res);
		const body = requireJson(req);
		const response = await idempotency.run({
			tenant: tenant.id,
			key: req.get('idempotency-key'),
			bodySha256: async () => sha256Json(body),
			handle: async () => {
				const prepared = prepareRenderJob(tenant, body);
				if (!prepared.ok) throw new ValidationError(prepared.errors);
				const view = renderView(await submit(prepared.job, prepared.outputs), publicBaseUrl, watchLinks);
				// Only a TMF678 bill mapped by a guess has warnings; the field lets the telco add a mapping.
				return {status: 202, body: prepared.warnings.length > 0 ? {...view, warnings: prepared.warnings} : view, location: view.links.self};
			},
		});
		if (response.location) res.location(response.location);
		res.status(response.status).json(response.body);
	});

	router.get('/v1/renders/:id', async (req, res) => {
		res.json(renderView(await ownRender(store, req.params.id, res), publicBaseUrl, watchLinks));
	});

	router.get('/v1/renders/:id/events', async (req, res) => {
		let record = await ownRender(store, req.params.id, res);
		res.set({'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive'});
		res.flushHeaders();
		let closed = false;
		req.on('close', () => {
			closed = true;
		});
		let last = '';
		// Progress lives in the render record, which the worker updates; polling it keeps API processes stateless.
		while (!closed) {
			const view = renderView(record, publicBaseUrl, watchLinks);
			const data = JSON.stringify({id: view.id, status: view.status, progress: view.progress, ...('output' in view ? {output: view.output} : {}), ...('error' in view ? {error: view.error} : {})});
			if (data !== last) res.write(`event: ${view.status === 'completed' || view.status === 'failed' ? view.status : 'progress'}\ndata: ${data}\n\n`);
			last = data;
			if (record.status === 'completed' || record.status === 'failed') break;
			if (req.app.locals.stopping === true) {
				res.write(STOPPING_COMMENT);
				break;
			}
			await new Promise((resolve) => setTimeout(resolve, SSE_POLL_MS));
			record = (await store.get(record.id)) ?? record;
		}
		res.end();
	});

	router.get('/v1/renders/:id/video.mp4', async (req, res) => {
		const record = await onDemand.requestVideo(await ownRender(store, req.params.id, res));
		if (isVideoPending(record)) {
			const view = renderView(record, publicBaseUrl, watchLinks);
			res.status(202).set('Retry-After', String(VIDEO_RETRY_AFTER_SECONDS)).location(view.links.self).json(view);
			return;
		}
		if (record.status === 'failed') throw new RenderVideoFailedError(record.id, record.error.message);
		if (record.status !== 'completed') throw new RenderNotReadyError(record.id, record.status);
		// Range requests get 206 and the exact bytes (or the presigned URL does), so browsers can seek.
		await outputs.send(req, res, {key: artifactKey(record.id, 'video'), contentType: 'video/mp4', what: `The video of render ${record.id}`});
	});

	router.get('/v1/renders/:id/poster.jpg', async (req, res) => {
		await onDemand.sendPoster(req, res, await ownRender(store, req.params.id, res));
	});

	return router;
};
