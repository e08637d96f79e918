import {Queue, type ConnectionOptions, type DefaultJobOptions} from 'bullmq';
import {QUEUE_OPTIONS} from '../platform/redis-connection';
import {keepQueueMeta} from '../platform/queue-meta';
import {logQueueErrors} from '../platform/redis-outage';

/** A job about one render, beside its render job (its poster, its narration). */
export interface RenderSideJob {
	readonly renderId: string;
}

/** Behind the ones someone is waiting for, like batch renders behind single ones. */
const BATCH_PRIORITY = 10;

export interface RenderSideQueue {
	readonly queue: Queue<RenderSideJob>;
	/** Asks for one render's job now; the job id derives from the render id, so many requests at once run it once. */
	request(renderId: string): Promise<void>;
	/** A batch's jobs, behind single requests. */
	requestBatch(renderIds: readonly string[]): Promise<void>;
	close(): Promise<void>;
}

/** A queue of per-render jobs named `jobName`, under the cluster hash tag like every billcast queue. */
export const makeRenderSideQueue = ({
	connection,
	queueName,
	jobName,
	jobOptions,
	jobIdOf = (renderId) => renderId,
	eventsKept,
}: {
	connection: ConnectionOptions;
	queueName: string;
	jobName: string;
	jobOptions?: DefaultJobOptions;
	/** The job id of a render's job: the render id unless a queue keeps many of them (a short digest is smaller). */
	jobIdOf?: (renderId: string) => string;
	/** Entries of the queue's event stream kept, where BullMQ's default of 10,000 is too many. */
	eventsKept?: number;
}): RenderSideQueue => {
	const queue = new Queue<RenderSideJob>(queueName, {
		connection,
		...QUEUE_OPTIONS,
		...(jobOptions ? {defaultJobOptions: jobOptions} : {}),
		...(eventsKept ? {streams: {events: {maxLen: eventsKept}}} : {}),
	});
	logQueueErrors(queue, connection, `${jobName} queue`);
	const stopKeepingMeta = keepQueueMeta(queue);
	return {
		queue,
		async request(renderId) {
			await queue.add(jobName, {renderId}, {jobId: jobIdOf(renderId)});
		},
		async requestBatch(renderIds) {
			if (renderIds.length === 0) return;
			await queue.addBulk(renderIds.map((renderId) => ({name: jobName, data: {renderId}, opts: {jobId: jobIdOf(renderId), priority: BATCH_PRIORITY}})));
		},
		close: () => {
			stopKeepingMeta();
			return queue.close();
		},
	};
};
