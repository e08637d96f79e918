import {existsSync} from 'node:fs';
import {Router, type Request} from 'express';
import {NotFoundError, QueueUnavailableError, RenderNotReadyError, UnsupportedMediaTypeError, ValidationError} from '../errors';
import {payUrlPolicyError} from '../pay-url-policy';
import {buildRenderId} from '../render-id';
import {videoPath} from '../render-paths';
import type {RenderQueue} from '../render-queue';
import {renderRequestSchema} from '../render-request-schema';
import type {RenderStore} from '../render-store';
import {renderView} from '../render-view';
import {tenantOf} from '../tenant';
import type {WatchLinks} from '../watch-links';
import {fieldErrorsFromZod} from '../zod-field-errors';

const requireJson = (req: Request): unknown => {
	if (!req.is('application/json')) throw new UnsupportedMediaTypeError(req.get('content-type'));
	return req.body;
};

export const makeRendersRouter = ({
	store,
	queue,
	rendersDir,
	publicBaseUrl,
	watchLinks,
}: {
	store: RenderStore;
	queue: RenderQueue;
	rendersDir: string;
	publicBaseUrl: string;
	watchLinks: WatchLinks;
}): Router => {
	const router = Router();

	router.post('/v1/renders', async (req, res) => {
		const parsed = renderRequestSchema.safeParse(requireJson(req));
		if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error));
		const request = parsed.data;
		const payUrlError = payUrlPolicyError(tenantOf(res), request.bill.payment.payUrl);
		if (payUrlError) throw new ValidationError([payUrlError]);
		const tenant = tenantOf(res).id;
		const job = {...request, tenant, renderId: buildRenderId({...request, tenant})};
		const existing = await store.get(job.renderId);
		if (existing && existing.status !== 'failed') {
			res.status(202).location(renderView(existing, publicBaseUrl, watchLinks).links.self).json(renderView(existing, publicBaseUrl, watchLinks));
			return;
		}
		if (existing) {
			await queue.forget(job.renderId);
			await store.requeue(job.renderId);
		} else {
			await store.create({id: job.renderId, tenant: job.tenant, template: job.template, format: job.format, bill: job.bill});
		}
		try {
			await queue.enqueue(job);
		} catch (error) {
			await store.delete(job.renderId);
			throw new QueueUnavailableError(error instanceof Error ? error.message : String(error));
		}
		const record = await store.get(job.renderId);
		if (!record) throw new NotFoundError(`Render ${job.renderId}`);
		const view = renderView(record, publicBaseUrl, watchLinks);
		res.status(202).location(view.links.self).json(view);
	});

	router.get('/v1/renders/:id', async (req, res) => {
		const record = await store.get(req.params.id);
		if (!record) throw new NotFoundError(`Render ${req.params.id}`);
		res.json(renderView(record, publicBaseUrl, watchLinks));
	});

	router.get('/v1/renders/:id/video.mp4', async (req, res) => {
		const record = await store.get(req.params.id);
		if (!record) throw new NotFoundError(`Render ${req.params.id}`);
		if (record.status !== 'completed') throw new RenderNotReadyError(record.id, record.status);
		const file = videoPath(rendersDir, record.id);
		if (!existsSync(file)) throw new NotFoundError(`The video of render ${record.id}`);
		// `send` answers Range requests with 206 and the exact bytes, so browsers can seek.
		res.sendFile(file, {headers: {'Content-Type': 'video/mp4'}, acceptRanges: true, cacheControl: false});
	});

	return router;
};
