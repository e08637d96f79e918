import type {ConnectionOptions} from 'bullmq';
import {makeRenderSideQueue, type RenderSideJob, type RenderSideQueue} from './render-side-queue';

export type PosterJob = RenderSideJob;
export type PosterQueue = RenderSideQueue;

/** Posters have a queue of their own, so an email client's fetch never waits behind a billing cycle's videos. */
export const posterQueueName = (renderQueueName: string): string => `${renderQueueName}-posters`;

export const makePosterQueue = ({connection, renderQueueName}: {connection: ConnectionOptions; renderQueueName: string}): PosterQueue =>
	makeRenderSideQueue({
		connection,
		queueName: posterQueueName(renderQueueName),
		jobName: 'poster',
		// The poster file is the result: a finished job is dropped at once, so a poster deleted later is drawn again.
		jobOptions: {attempts: 2, backoff: {type: 'fixed', delay: 500}, removeOnComplete: true, removeOnFail: true},
	});
