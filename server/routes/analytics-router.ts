import {Router} from 'express';
import {ownRender} from '../own-render';
import type {RenderStore} from '../render-store';
import type {ViewerEventsStore} from '../viewer-events-store';

/** What viewers did with a render's video: per event, how often and when first and last. */
export const makeAnalyticsRouter = ({store, events}: {store: RenderStore; events: ViewerEventsStore}): Router => {
	const router = Router();
	router.get('/v1/renders/:id/analytics', async (req, res) => {
		const record = await ownRender(store, req.params.id, res);
		res.json({renderId: record.id, events: await events.summary(record.id)});
	});
	return router;
};
