import {Queue, type ConnectionOptions} from 'bullmq';
import {KEY_TAG} from '../platform/redis-connection';

export interface PosterJob {
	readonly renderId: string;
}

/** Posters have a queue of their own, so an email client's fetch never waits behind a billing cycle's videos. */
export const posterQueueName = (renderQueueName: string): string => `${renderQueueName}-posters`;

/** Behind posters someone is waiting for, like batch renders behind single ones. */
const BATCH_PRIORITY = 10;

export interface PosterQueue {
	readonly queue: Queue<PosterJob>;
	/** Asks for one poster now; the job id is the render id, so many requests at once draw it once. */
	request(renderId: string): Promise<void>;
	/** The posters of a batch whose MP4s are on demand but whose posters are not. */
	requestBatch(renderIds: readonly string[]): Promise<void>;
	close(): Promise<void>;
}

export const makePosterQueue = ({connection, renderQueueName}: {connection: ConnectionOptions; renderQueueName: string}): PosterQueue => {
	const queue = new Queue<PosterJob>(posterQueueName(renderQueueName), {
		connection,
		prefix: KEY_TAG,
		// The poster file is the result: a finished job is dropped at once, so a poster deleted later is drawn again.
		defaultJobOptions: {attempts: 2, backoff: {type: 'fixed', delay: 500}, removeOnComplete: true, removeOnFail: true},
	});
	return {
		queue,
		async request(renderId) {
			await queue.add('poster', {renderId}, {jobId: renderId});
		},
		async requestBatch(renderIds) {
			if (renderIds.length === 0) return;
			await queue.addBulk(renderIds.map((renderId) => ({name: 'poster', data: {renderId}, opts: {jobId: renderId, priority: BATCH_PRIORITY}})));
		},
		close: () => queue.close(),
	};
};
