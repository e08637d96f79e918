import {readdir, rm, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {Queue, Worker, type ConnectionOptions} from 'bullmq';
import type {Logger} from '../platform/logger';
import type {RenderStore} from '../renders/render-store';
import {KEY_TAG} from '../platform/redis-connection';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Deletes every render folder last written more than `olderThanDays` ago, and its record. Folders starting with a dot
 * (partial files of a render in progress) are left to their render.
 */
export const sweepExpiredRenders = async ({
	rendersDir,
	store,
	olderThanDays,
	now = Date.now(),
}: {
	rendersDir: string;
	store: RenderStore;
	olderThanDays: number;
	now?: number;
}): Promise<{deleted: string[]}> => {
	const cutoff = now - olderThanDays * DAY_MS;
	const entries = await readdir(rendersDir, {withFileTypes: true}).catch(() => []);
	const deleted: string[] = [];
	for (const entry of entries) {
		if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
		const dir = join(rendersDir, entry.name);
		const {mtimeMs} = await stat(dir);
		if (mtimeMs >= cutoff) continue;
		await rm(dir, {recursive: true, force: true});
		await store.delete(entry.name);
		deleted.push(entry.name);
	}
	return {deleted};
};

const SWEEP_EVERY_MS = 6 * 3600 * 1000;

/**
 * The sweep as a BullMQ job scheduler on a queue of its own: however many workers run, one sweep runs every six hours
 * (the renders folder is shared, since the API serves the files the workers write).
 */
export const scheduleRetentionSweep = async ({
	connection,
	queueName,
	rendersDir,
	store,
	retentionDays,
	logger,
}: {
	connection: ConnectionOptions;
	queueName: string;
	rendersDir: string;
	store: RenderStore;
	retentionDays: number;
	logger: Logger;
}) => {
	const queue = new Queue(queueName, {connection, prefix: KEY_TAG});
	await queue.upsertJobScheduler('retention-sweep', {every: SWEEP_EVERY_MS}, {name: 'sweep', opts: {removeOnComplete: 10, removeOnFail: 10}});
	const worker = new Worker(
		queueName,
		async () => {
			const {deleted} = await sweepExpiredRenders({rendersDir, store, olderThanDays: retentionDays});
			logger.info({deleted: deleted.length, retentionDays}, 'retention sweep');
			return {deleted: deleted.length};
		},
		{connection, prefix: KEY_TAG},
	);
	worker.on('error', (error) => logger.error({err: error}, 'retention queue error'));
	return {
		async close() {
			await worker.close();
			await queue.close();
		},
	};
};
