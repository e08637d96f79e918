import type {Job, Worker} from 'bullmq';

/**
 * Thrown by a render whose job lock has gone to another worker (a Redis outage longer than the lock, an event loop
 * stalled past it): that worker draws the render, so this one stops and writes nothing.
 */
export class RenderLockLostError extends Error {
	override readonly name = 'RenderLockLostError';
	constructor(readonly jobId: string) {
		super(`The lock of job ${jobId} was lost: another worker renders it now`);
	}
}

/**
 * BullMQ keeps a lost job's processor running: it only reports the renewal that failed, and the processor's result is
 * refused at the end ("Lock mismatch"). Meanwhile the stalled check has queued the job again and another worker draws
 * it too, writing the same outputs. Aborting the job's signal stops the draw at once.
 */
export const cancelRendersThatLoseTheirLock = (worker: Worker): void => {
	worker.on('lockRenewalFailed', (jobIds) => {
		for (const jobId of jobIds) worker.cancelJob(jobId, 'lock lost');
	});
};

/**
 * Asked of Redis just before a render writes its outputs, as renewals run seconds apart: a render that finished while
 * Redis was away learns here that its job was queued again meanwhile. Renewing is the check, so a
 * lock still held is kept.
 */
export const holdsLock = async (job: Job, token: string | undefined, lockDuration: number): Promise<boolean> =>
	token === undefined || (await job.extendLock(token, lockDuration)) === 1;
