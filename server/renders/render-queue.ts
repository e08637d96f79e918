import {Queue, type ConnectionOptions, type KeepJobs} from 'bullmq';
import type {RenderJobRef} from './render-job';

export const RENDER_ATTEMPTS = 3;
const BATCH_PRIORITY = 10;

/**
 * How long BullMQ keeps a finished render job, set on the worker rather than on each job, so that the queued job's
 * options (stored with every job) stay small. The render record, not the job, is what users read.
 */
export const RENDER_JOBS_KEPT: {removeOnComplete: KeepJobs; removeOnFail: KeepJobs} = {
	removeOnComplete: {age: 7 * 24 * 3600},
	removeOnFail: {age: 30 * 24 * 3600},
};

export interface RenderQueue {
	readonly queue: Queue<RenderJobRef>;
	/** Queues a render whose record (with its bill) is written; its id is the job id, so it is queued once. */
	enqueue(renderId: string): Promise<void>;
	/** Billing-cycle work: queued in one call, and behind every single render (BullMQ takes unprioritised jobs first). */
	enqueueBatch(renderIds: readonly string[]): Promise<void>;
	/** Drops a finished job so the same id can be queued again (a failed render being retried). */
	forget(renderId: string): Promise<void>;
	close(): Promise<void>;
}

export const makeRenderQueue = ({
	connection,
	queueName,
}: {
	connection: ConnectionOptions;
	queueName: string;
}): RenderQueue => {
	const queue = new Queue<RenderJobRef>(queueName, {
		connection,
		defaultJobOptions: {attempts: RENDER_ATTEMPTS, backoff: {type: 'exponential', delay: 2_000}},
	});
	return {
		queue,
		async enqueue(renderId) {
			await queue.add('render', {renderId}, {jobId: renderId});
		},
		async enqueueBatch(renderIds) {
			if (renderIds.length === 0) return;
			await queue.addBulk(renderIds.map((renderId) => ({name: 'render', data: {renderId}, opts: {jobId: renderId, priority: BATCH_PRIORITY}})));
		},
		async forget(renderId) {
			await queue.remove(renderId);
		},
		close: () => queue.close(),
	};
};
