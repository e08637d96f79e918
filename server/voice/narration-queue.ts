import {createHash} from 'node:crypto';
import type {ConnectionOptions, JobState, KeepJobs} from 'bullmq';
import type {RenderQueue} from '../renders/render-queue';
import {makeRenderSideQueue, type RenderSideJob, type RenderSideQueue} from '../renders/render-side-queue';

export type NarrationJob = RenderSideJob;

export interface NarrationQueue extends RenderSideQueue {
	/** Where the render's narration job is; `unknown` once it is removed (or was never queued). */
	state(renderId: string): Promise<JobState | 'unknown'>;
}

/**
 * Narration has a queue of its own beside the renders': synthesis takes a second or two where a render takes many, so
 * a render's voice is ready (and its watch link speaks) while the worker is still busy with other videos, and a billing
 * cycle's narrations run ahead of its renders.
 */
export const narrationQueueName = (renderQueueName: string): string => `${renderQueueName}-narration`;

/**
 * The job id of a render's narration, short for the reason `renderJobId` is: every queued bill has one, and a job
 * holding the long render id (in its id, its options and every set that lists it) takes about three times the memory.
 * The `n` keeps it from looking like a number and apart from the render's own job id.
 */
export const narrationJobId = (renderId: string): string => `n${createHash('sha256').update(renderId).digest('base64url').slice(0, 16)}`;

/**
 * The speech in the store and the track in storage are the result, and the render narrates itself if this never ran;
 * a failed job is kept a day, which is how long a watch link stops asking for it again. Set on the worker, not on each
 * job, so that the options stored with every queued job stay small.
 */
export const NARRATION_JOBS_KEPT: {removeOnComplete: KeepJobs; removeOnFail: KeepJobs} = {removeOnComplete: {count: 0}, removeOnFail: {age: 24 * 3600}};

/** Entries of the queue's event stream kept; BullMQ's default of 10,000 costs about 170 bytes per queued bill. */
const NARRATION_EVENTS_KEPT = 1_000;

export const makeNarrationQueue = ({connection, renderQueueName}: {connection: ConnectionOptions; renderQueueName: string}): NarrationQueue => {
	// One attempt, BullMQ's default: a narration that failed is not retried here.
	const side = makeRenderSideQueue({connection, queueName: narrationQueueName(renderQueueName), jobName: 'narrate', jobIdOf: narrationJobId, eventsKept: NARRATION_EVENTS_KEPT});
	return {...side, state: (renderId) => side.queue.getJobState(narrationJobId(renderId))};
};

/**
 * The render queue as the API uses it, with every render's narration asked for at the same moment (ahead of it, so
 * the narration worker has it first). A tenant with narration off costs one job that ends at once.
 */
export const narratingAhead = (renders: RenderQueue, narrations: NarrationQueue): RenderQueue => ({
	...renders,
	async enqueue(renderId) {
		await narrations.request(renderId);
		await renders.enqueue(renderId);
	},
	async enqueueBatch(renderIds) {
		await narrations.requestBatch(renderIds);
		await renders.enqueueBatch(renderIds);
	},
	async close() {
		await Promise.all([renders.close(), narrations.close()]);
	},
});
