import {createHash} from 'node:crypto';
import {Queue, type ConnectionOptions, type KeepJobs} from 'bullmq';
import type {RenderJobRef} from './render-job';
import {QUEUE_OPTIONS} from '../platform/redis-connection';
import {keepQueueMeta} from '../platform/queue-meta';
import {logQueueErrors} from '../platform/redis-outage';

const RENDER_ATTEMPTS = 3;
const BATCH_PRIORITY = 10;

/**
 * How long BullMQ keeps a finished render job, set on the worker rather than on each job, so that the queued job's
 * options (stored with every job) stay small. The render record, not the job, is what users read, and a render queued
 * again after its job is gone finds its record completed and draws nothing; so a finished job is kept a day, and at
 * most 10,000 of them, to look at in the queue dashboard.
 */
export const RENDER_JOBS_KEPT: {removeOnComplete: KeepJobs; removeOnFail: KeepJobs} = {
	removeOnComplete: {age: 24 * 3600, count: 10_000},
	removeOnFail: {age: 7 * 24 * 3600, count: 10_000},
};

/**
 * The job id of a render: a digest of the render id, so it is the same however often the render is queued (BullMQ adds
 * a job whose id exists once), and short: BullMQ copies the id into the job's options, and a job whose every field
 * is 64 bytes or less is kept by Redis as a compact list (about 250 bytes) instead of a hash table (about 740). The
 * `r` keeps it from ever looking like a number, which BullMQ refuses as a custom id.
 */
export const renderJobId = (renderId: string): string => `r${createHash('sha256').update(renderId).digest('base64url').slice(0, 16)}`;

/** Entries of the queue's event stream kept; BullMQ's default of 10,000 costs about 160 bytes per queued bill. */
const RENDER_EVENTS_KEPT = 1_000;

export interface RenderQueue {
	readonly queue: Queue<RenderJobRef>;
	/** Queues a render whose record (with its bill) is written; its job id derives from its id, so it is queued once. */
	enqueue(renderId: string): Promise<void>;
	/** Billing-cycle work: queued in one call, and behind every single render (BullMQ takes unprioritised jobs first). */
	enqueueBatch(renderIds: readonly string[]): Promise<void>;
	/**
	 * Drops a finished job so the same id can be queued again (a failed render being retried). A job still running is
	 * kept: the worker queues its render again when it ends if the render's record says queued by then.
	 */
	forget(renderId: string): Promise<void>;
	close(): Promise<void>;
}

/**
 * A job holds only `{renderId}`: the bill waits in the render store (`<id>:props`, written by the renders router before
 * the job), where `server/worker/render-worker.ts`, which takes the job, reads it back.
 */
export const makeRenderQueue = ({
	connection,
	queueName,
}: {
	connection: ConnectionOptions;
	queueName: string;
}): RenderQueue => {
	const queue = new Queue<RenderJobRef>(queueName, {
		connection,
		...QUEUE_OPTIONS,
		streams: {events: {maxLen: RENDER_EVENTS_KEPT}},
		// No backoff here: it would be copied into every job and push the job past Redis's compact encoding. A render that
		// failed is tried again at once (by then its browser was replaced and the error is usually gone), unless it failed
		// on the network, when the worker gives that one job a backoff as it fails (worker/render-retry.ts).
		defaultJobOptions: {attempts: RENDER_ATTEMPTS},
	});
	logQueueErrors(queue, connection, 'render queue');
	const stopKeepingMeta = keepQueueMeta(queue);
	return {
		queue,
		async enqueue(renderId) {
			await queue.add('render', {renderId}, {jobId: renderJobId(renderId)});
		},
		async enqueueBatch(renderIds) {
			if (renderIds.length === 0) return;
			await queue.addBulk(renderIds.map((renderId) => ({name: 'render', data: {renderId}, opts: {jobId: renderJobId(renderId), priority: BATCH_PRIORITY}})));
		},
		async forget(renderId) {
			await queue.remove(renderJobId(renderId));
		},
		close: () => {
			stopKeepingMeta();
			return queue.close();
		},
	};
};
