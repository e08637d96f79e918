import {Queue, type ConnectionOptions} from 'bullmq';
import type {RenderJob} from './render-job';

export const RENDER_ATTEMPTS = 3;
const BATCH_PRIORITY = 10;

export interface RenderQueue {
	readonly queue: Queue<RenderJob>;
	enqueue(job: RenderJob): Promise<void>;
	/** Billing-cycle work: queued in one call, and behind every single render (BullMQ takes unprioritised jobs first). */
	enqueueBatch(jobs: readonly RenderJob[]): Promise<void>;
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
	const queue = new Queue<RenderJob>(queueName, {
		connection,
		defaultJobOptions: {
			attempts: RENDER_ATTEMPTS,
			backoff: {type: 'exponential', delay: 2_000},
			removeOnComplete: {age: 7 * 24 * 3600},
			removeOnFail: {age: 30 * 24 * 3600},
		},
	});
	return {
		queue,
		async enqueue(job) {
			await queue.add('render', job, {jobId: job.renderId});
		},
		async enqueueBatch(jobs) {
			await queue.addBulk(jobs.map((job) => ({name: 'render', data: job, opts: {jobId: job.renderId, priority: BATCH_PRIORITY}})));
		},
		async forget(renderId) {
			await queue.remove(renderId);
		},
		close: () => queue.close(),
	};
};
