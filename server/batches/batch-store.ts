import type {RedisClient} from '../platform/redis-connection';
import type {FieldError} from '../platform/errors';

/** A field error of a batch line; a CSV bill's also names the column and line of the cell it comes from. */
export interface BatchFieldError extends FieldError {
	readonly column?: string;
	readonly line?: number;
}

export interface BatchFailure {
	/** 1-based line of the NDJSON or CSV body (a CSV bill's first row), or position in the JSON array. */
	readonly line: number;
	readonly errors: readonly BatchFieldError[];
}

interface BatchBase {
	readonly id: string;
	readonly tenant: string;
	readonly createdAt: string;
}

interface BatchCounts {
	readonly lines: number;
	readonly accepted: number;
	readonly rejected: number;
}

/**
 * A batch is receiving while its body streams in; accepted once every line has been read and queued or refused;
 * interrupted when the body stopped making sense part-way (a line over the cap, broken CSV quoting, a bad gzip stream):
 * the lines before that point stay queued or refused, and `reason` says where it stopped.
 */
export type BatchRecord =
	| (BatchBase & {readonly status: 'receiving'})
	| (BatchBase & BatchCounts & {readonly status: 'accepted'})
	| (BatchBase & BatchCounts & {readonly status: 'interrupted'; readonly reason: {readonly code: string; readonly message: string}});

export interface BatchEntry {
	readonly customerReference: string;
	readonly renderId: string;
}

/**
 * Batches in Redis: the record, the list of its renders and the list of refused lines, appended chunk by chunk. All three
 * expire `ttlSeconds` (the retention) after the batch was created, like the renders they list.
 */
export const makeBatchStore = ({redis, prefix, ttlSeconds}: {redis: RedisClient; prefix: string; ttlSeconds: number}) => {
	const key = (id: string, part = '') => `${prefix}${id}${part}`;
	const ttl = Math.ceil(ttlSeconds);
	return {
		async create(batch: BatchBase): Promise<void> {
			await redis.set(key(batch.id), JSON.stringify({...batch, status: 'receiving'} satisfies BatchRecord), 'EX', ttl);
		},
		async append(id: string, entries: readonly BatchEntry[], failures: readonly BatchFailure[]): Promise<void> {
			const multi = redis.multi();
			// NX: the first chunk starts the list's lifetime, so every part of the batch ends at about the same time.
			if (entries.length) multi.rpush(key(id, ':renders'), ...entries.map((e) => `${e.customerReference}\t${e.renderId}`)).expire(key(id, ':renders'), ttl, 'NX');
			if (failures.length) multi.rpush(key(id, ':failures'), ...failures.map((f) => JSON.stringify(f))).expire(key(id, ':failures'), ttl, 'NX');
			await multi.exec();
		},
		async finish(batch: Exclude<BatchRecord, {status: 'receiving'}>): Promise<void> {
			await redis.set(key(batch.id), JSON.stringify(batch), 'KEEPTTL');
		},
		async get(id: string): Promise<BatchRecord | undefined> {
			const raw = await redis.get(key(id));
			return raw ? (JSON.parse(raw) as BatchRecord) : undefined;
		},
		/** The batch's renders, a page at a time, so a 100,000-line batch is never held whole. */
		async *entries(id: string, pageSize = 1_000): AsyncGenerator<BatchEntry[]> {
			for (let start = 0; ; start += pageSize) {
				const page = await redis.lrange(key(id, ':renders'), start, start + pageSize - 1);
				if (page.length === 0) return;
				yield page.map((line) => {
					const [customerReference, renderId] = line.split('\t') as [string, string];
					return {customerReference, renderId};
				});
			}
		},
		async failures(id: string, limit: number): Promise<{total: number; first: BatchFailure[]}> {
			const [total, first] = await Promise.all([redis.llen(key(id, ':failures')), redis.lrange(key(id, ':failures'), 0, limit - 1)]);
			return {total, first: first.map((raw) => JSON.parse(raw) as BatchFailure)};
		},
	};
};

export type BatchStore = ReturnType<typeof makeBatchStore>;
