import {Router} from 'express';
import {NotFoundError} from '../errors';
import type {RenderStore} from '../render-store';
import type {ViewerEventsStore} from '../viewer-events-store';

/** What viewers did with a render's video: per event, how often and when first and last. */
export const makeAnalyticsRouter = ({store, events}: {store: RenderStore; events: ViewerEventsStore}): Router => {
	const router = Router();
	router.get('/v1/renders/:id/analytics', async (req, res) => {
		const record = await store.get(req.params.id);
		if (!record) throw new NotFoundError(`Render ${req.params.id}`);
		res.json({renderId: record.id, events: await events.summary(record.id)});
	});
	return router;
};
