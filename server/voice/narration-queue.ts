import {Queue, type ConnectionOptions} from 'bullmq';
import {KEY_TAG} from '../platform/redis-connection';
import type {RenderQueue} from '../renders/render-queue';

export interface NarrationJob {
	readonly renderId: string;
}

/**
 * Narration has a queue of its own beside the renders': synthesis takes a second or two where a render takes many, so
 * a render's voice is ready (and its watch link speaks) while the worker is still busy with other videos, and a billing
 * cycle's narrations run ahead of its renders.
 */
export const narrationQueueName = (renderQueueName: string): string => `${renderQueueName}-narration`;

const BATCH_PRIORITY = 10;

export interface NarrationQueue {
	readonly queue: Queue<NarrationJob>;
	request(renderId: string): Promise<void>;
	requestBatch(renderIds: readonly string[]): Promise<void>;
	close(): Promise<void>;
}

export const makeNarrationQueue = ({connection, renderQueueName}: {connection: ConnectionOptions; renderQueueName: string}): NarrationQueue => {
	const queue = new Queue<NarrationJob>(narrationQueueName(renderQueueName), {
		connection,
		prefix: KEY_TAG,
		// The speech in the store and the track on disk are the result; the render narrates itself if this never ran.
		defaultJobOptions: {attempts: 1, removeOnComplete: true, removeOnFail: {age: 24 * 3600}},
	});
	return {
		queue,
		async request(renderId) {
			await queue.add('narrate', {renderId}, {jobId: renderId});
		},
		async requestBatch(renderIds) {
			if (renderIds.length === 0) return;
			await queue.addBulk(renderIds.map((renderId) => ({name: 'narrate', data: {renderId}, opts: {jobId: renderId, priority: BATCH_PRIORITY}})));
		},
		close: () => queue.close(),
	};
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
