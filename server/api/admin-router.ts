import {createBullBoard} from '@bull-board/api';
import {BullMQAdapter} from '@bull-board/api/bullMQAdapter';
import {ExpressAdapter} from '@bull-board/express';
import type {Queue} from 'bullmq';
import {Router, type RequestHandler} from 'express';
import {requireAdminKey, serveMetrics} from '../platform/admin-endpoints';
import type {Metrics} from '../platform/metrics';

/**
 * Prometheus metrics at /metrics and the bull-board queue dashboard at /admin/queues, both behind the admin key. Without
 * an admin key neither exists (404): job counts and queue contents are for operators only.
 */
export const makeAdminRouter = ({adminKey, metrics, queues}: {adminKey: string | undefined; metrics: Metrics; queues: readonly Queue[]}): Router => {
	const router = Router();
	if (!adminKey) return router;
	const admin = requireAdminKey(adminKey);
	router.get('/metrics', admin, serveMetrics(metrics));
	const board = new ExpressAdapter();
	board.setBasePath('/admin/queues');
	createBullBoard({queues: queues.map((queue) => new BullMQAdapter(queue, {readOnlyMode: false})), serverAdapter: board});
	router.use('/admin/queues', admin, board.getRouter() as RequestHandler);
	return router;
};
