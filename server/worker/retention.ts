import {Queue, Worker, type ConnectionOptions} from 'bullmq';
import type {Logger} from '../platform/logger';
import type {RenderStore} from '../renders/render-store';
import {KEY_TAG, QUEUE_OPTIONS} from '../platform/redis-connection';
import {logQueueErrors} from '../platform/redis-outage';
import type {RenderStorage, StoredObject} from '../storage/render-storage';
import {TENANT_FILES_PREFIX} from '../storage/tenant-files';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Deletes the outputs of every render whose newest file was written more than `olderThanDays` ago, and its record, by
 * listing render storage (the local folder or the bucket's prefix) one render at a time, so memory stays flat however
 * many renders there are.
 */
export const sweepExpiredRenders = async ({
	storage,
	store,
	olderThanDays,
	now = Date.now(),
}: {
	storage: RenderStorage;
	store: RenderStore;
	olderThanDays: number;
	now?: number;
}): Promise<{deleted: string[]}> => {
	const cutoff = now - olderThanDays * DAY_MS;
	const deleted: string[] = [];
	const sweep = async (renderId: string, objects: StoredObject[]) => {
		if (objects.some((object) => object.modifiedMs >= cutoff)) return;
		await storage.delete(objects.map((object) => object.key));
		await store.delete(renderId);
		deleted.push(renderId);
	};
	let current: {renderId: string; objects: StoredObject[]} | undefined;
	for await (const object of storage.list('')) {
		const renderId = object.key.slice(0, object.key.indexOf('/'));
		// A tenant's uploads are not a render's outputs: they live until the tenant replaces or removes them.
		if (!renderId || object.key.startsWith(TENANT_FILES_PREFIX)) continue;
		if (current?.renderId !== renderId) {
			if (current) await sweep(current.renderId, current.objects);
			current = {renderId, objects: []};
		}
		current.objects.push(object);
	}
	if (current) await sweep(current.renderId, current.objects);
	return {deleted};
};

const SWEEP_EVERY_MS = 6 * 3600 * 1000;

/**
 * The sweep as a BullMQ job scheduler on a queue of its own: however many workers run, one sweep runs every six hours
 * (render storage is shared, since the API serves the files the workers write).
 */
export const scheduleRetentionSweep = async ({
	connection,
	queueName,
	storage,
	store,
	retentionDays,
	logger,
}: {
	connection: ConnectionOptions;
	queueName: string;
	storage: RenderStorage;
	store: RenderStore;
	retentionDays: number;
	logger: Logger;
}) => {
	const queue = new Queue(queueName, {connection, ...QUEUE_OPTIONS});
	logQueueErrors(queue, connection, 'retention queue');
	await queue.upsertJobScheduler('retention-sweep', {every: SWEEP_EVERY_MS}, {name: 'sweep', opts: {removeOnComplete: 10, removeOnFail: 10}});
	const worker = new Worker(
		queueName,
		async () => {
			const {deleted} = await sweepExpiredRenders({storage, store, olderThanDays: retentionDays});
			logger.info({deleted: deleted.length, retentionDays}, 'retention sweep');
			return {deleted: deleted.length};
		},
		{connection, prefix: KEY_TAG},
	);
	logQueueErrors(worker, connection, 'retention worker');
	// Closed while starting, a BullMQ worker throws an unhandled error (see makeRenderWorker).
	await worker.waitUntilReady();
	return {
		async close() {
			await worker.close();
			await queue.close();
		},
	};
};
