import type {Logger} from '../platform/logger';
import {scanKeys, type RedisClient} from '../platform/redis-connection';
import {renderJobId, type RenderQueue} from './render-queue';
import type {RenderStore} from './render-store';

/** A render queued this recently may have its job on the way (the ingest writes records, then queues their jobs). */
const GRACE_MS = 60_000;
const EVERY_MS = 10 * 60_000;

export interface RenderReconciler {
	/** One pass: queues again every render whose record says `queued` but whose job is gone or ended; answers their ids. */
	run(): Promise<string[]>;
	/**
	 * Runs a pass now and then every 10 minutes, until stopped. Stopping answers once the pass under way has ended, so a
	 * worker closes its Redis connection after it: a pass cut off by the close failed with "Connection is closed".
	 */
	start(): () => Promise<void>;
}

/**
 * Records and jobs can disagree after a crash between writing a record and queueing its job, when a job is removed by
 * hand from the queue dashboard, or when a worker died just after a job ended whose render had been posted again
 * meanwhile: the record then says `queued` for ever and nothing renders it. This finds such records
 * (a SCAN over the render records, a page at a time) and queues their jobs again; queueing by job id makes running it
 * on several workers at once harmless.
 */
export const makeRenderReconciler = ({
	redis,
	store,
	queue,
	logger,
	graceMs = GRACE_MS,
	now = Date.now,
}: {
	redis: RedisClient;
	store: RenderStore;
	queue: RenderQueue;
	logger: Logger;
	graceMs?: number;
	now?: () => number;
}): RenderReconciler => {
	const recordPrefix = store.keyOf('');
	const run = async (): Promise<string[]> => {
		const requeued: string[] = [];
		for await (const keys of scanKeys(redis, `${recordPrefix}*`)) {
			// Records only: a render id never holds ':', its bill (`<id>:props`) and the bills' dictionaries (`dict:…`) do.
			const ids = keys.map((key) => key.slice(recordPrefix.length)).filter((id) => !id.includes(':'));
			if (ids.length === 0) continue;
			const records = await store.getMany(ids);
			const stale = records.filter((record) => record?.status === 'queued' && now() - Date.parse(record.updatedAt) >= graceMs).map((record) => record!.id);
			if (stale.length === 0) continue;
			// Read from the job's own hash, in constant time: BullMQ's getJobState searches the waiting list, which a busy
			// queue holds thousands of renders in, for every render asked about.
			const jobs = await Promise.all(stale.map((id) => redis.hmget(queue.queue.toKey(renderJobId(id)), 'timestamp', 'finishedOn')));
			const orphans = stale.filter((_, index) => {
				const [queuedAt, finishedAt] = jobs[index]!;
				return queuedAt === null || finishedAt !== null;
			});
			// An ended job holds the render's job id: adding the render again would do nothing until it is gone.
			await Promise.all(orphans.map((id) => queue.forget(id)));
			await queue.enqueueBatch(orphans);
			requeued.push(...orphans);
		}
		if (requeued.length > 0) logger.warn({count: requeued.length, renderIds: requeued.slice(0, 20)}, 'queued renders without a job queued again');
		return requeued;
	};
	return {
		run,
		start() {
			let running: Promise<unknown> | undefined;
			const pass = () => {
				running ??= run()
					.catch((error: unknown) => logger.error({err: error}, 'render reconciler pass failed'))
					.finally(() => (running = undefined));
			};
			pass();
			const timer = setInterval(pass, EVERY_MS);
			timer.unref();
			return async () => {
				clearInterval(timer);
				await running;
			};
		},
	};
};
