import {UnrecoverableError, Worker, type Job} from 'bullmq';
import {rm} from 'node:fs/promises';
import {KEY_TAG, type RedisClient} from '../platform/redis-connection';
import {logQueueErrors} from '../platform/redis-outage';
import type {RenderStorage} from '../storage/render-storage';
import {jobFromProps} from '../renders/on-demand-job';
import type {RenderStore} from '../renders/render-store';
import type {Logger} from '../platform/logger';
import type {NarrationConfig} from '../voice/narration-config';
import {NARRATION_JOBS_KEPT, narrationQueueName, type NarrationJob} from '../voice/narration-queue';
import type {SpeechCache} from '../voice/speech-cache';
import {narrationOnce} from './narrate-render';
import {makeWorkDir} from '../storage/work-dirs';

/**
 * Synthesizes each render's narration ahead of its video, beside the render worker and without its browser: a render
 * waiting behind others already speaks in the live player, and its own render finds the speech made.
 */
export const makeNarrationWorker = ({
	connection,
	renderQueueName,
	storage,
	store,
	cache,
	narrationFor,
	logger,
}: {
	connection: RedisClient;
	renderQueueName: string;
	storage: RenderStorage;
	store: RenderStore;
	cache: SpeechCache;
	narrationFor: (tenantId: string) => NarrationConfig | undefined;
	logger: Logger;
}): Worker<NarrationJob> => {
	const narrate = async (job: Job<NarrationJob>): Promise<void> => {
		const {renderId} = job.data;
		const [record, props] = await Promise.all([store.get(renderId), store.getProps(renderId)]);
		if (!record || !props) throw new UnrecoverableError(`render ${renderId} is gone`);
		const config = narrationFor(record.tenant);
		if (!config || config.status === 'off' || record.status === 'completed') return;
		// The track goes to storage; this machine keeps no copy.
		const workDir = await makeWorkDir('narrate');
		const spoken = await narrationOnce({redis: connection, store, request: jobFromProps(record, props), config, storage, workDir, renderId, cache}).finally(() =>
			rm(workDir, {recursive: true, force: true}),
		);
		if (spoken.status === 'spoken' && spoken.synthesisMs > 0) logger.info({renderId, synthesisMs: Math.round(spoken.synthesisMs)}, 'narration ready');
	};
	const worker = new Worker<NarrationJob>(narrationQueueName(renderQueueName), narrate, {connection, prefix: KEY_TAG, concurrency: 1, ...NARRATION_JOBS_KEPT});
	// A failed narration is not the render's failure: the render narrates again itself and fails there with its reason.
	worker.on('failed', (job, error) => logger.warn({renderId: job?.data.renderId, err: error}, 'narration ahead of the render failed'));
	logQueueErrors(worker, connection, 'narration worker');
	return worker;
};
