import {connectRedis, scanKeys} from '../server/platform/redis-connection';
import {measureIngest} from './ingest';

/** Every key's `MEMORY USAGE` (value, key and Redis's own overhead), summed over a SCAN of the whole database. */
export const redisBytes = async (redisUrl: string): Promise<{keys: number; bytes: number}> => {
	const redis = connectRedis(redisUrl);
	try {
		let keys = 0;
		let bytes = 0;
		for await (const page of scanKeys(redis, '*')) {
			const pipeline = redis.pipeline();
			for (const key of page) pipeline.memory('USAGE', key, 'SAMPLES', '0');
			for (const [, used] of (await pipeline.exec()) ?? []) bytes += Number(used ?? 0);
			keys += page.length;
		}
		return {keys, bytes};
	} finally {
		redis.disconnect();
	}
};

/**
 * `--redis-bytes [bills]`: what a queued bill costs in Redis. A batch of the sample bill is posted to a real API on a
 * private Redis with no worker, and every key's memory is summed before and after: the difference over the bills is
 * what a billing cycle waiting in the queue holds per customer (record, bill, job, batch list, campaign index).
 */
export const measureRedisBytes = async ({dir, bills, root}: {dir: string; bills: number; root: string}) => {
	let baseline = {keys: 0, bytes: 0};
	return measureIngest({
		dir,
		bills,
		root,
		inspect: {
			baseline: async (url) => {
				baseline = await redisBytes(url);
			},
			after: async (url) => {
				const after = await redisBytes(url);
				return {keysPerBill: +((after.keys - baseline.keys) / bills).toFixed(2), bytesPerBill: Math.round((after.bytes - baseline.bytes) / bills)};
			},
		},
	});
};
