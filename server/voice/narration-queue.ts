import type {ConnectionOptions} from 'bullmq';
import type {RenderQueue} from '../renders/render-queue';
import {makeRenderSideQueue, type RenderSideJob, type RenderSideQueue} from '../renders/render-side-queue';

export type NarrationJob = RenderSideJob;
export type NarrationQueue = RenderSideQueue;

/**
 * Narration has a queue of its own beside the renders': synthesis takes a second or two where a render takes many, so
 * a render's voice is ready (and its watch link speaks) while the worker is still busy with other videos, and a billing
 * cycle's narrations run ahead of its renders.
 */
export const narrationQueueName = (renderQueueName: string): string => `${renderQueueName}-narration`;

export const makeNarrationQueue = ({connection, renderQueueName}: {connection: ConnectionOptions; renderQueueName: string}): NarrationQueue =>
	makeRenderSideQueue({
		connection,
		queueName: narrationQueueName(renderQueueName),
		jobName: 'narrate',
		// The speech in the store and the track in storage are the result; the render narrates itself if this never ran.
		jobOptions: {attempts: 1, removeOnComplete: true, removeOnFail: {age: 24 * 3600}},
	});

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
