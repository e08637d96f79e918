import type {Redis} from 'ioredis';

/** Days a batch may take before its bookkeeping is dropped; far beyond any billing cycle's renders. */
const TTL_SECONDS = 30 * 24 * 3600;
const COUNTER_SUFFIX = ':unfinished';

/**
 * For each render, joins the batch when the render is still queued or rendering, reading its status in the same step
 * so a render that ends meanwhile is either counted and settled, or seen as ended: never both, never neither. A render
 * on two lines of one batch is counted once.
 * KEYS: the batch's counter, then n render records, then their n waiting sets. ARGV: the batch id, the TTL.
 */
const TRACK = `
local n = (#KEYS - 1) / 2
for i = 1, n do
	local raw = redis.call('GET', KEYS[1 + i])
	if raw then
		local status = cjson.decode(raw).status
		if (status == 'queued' or status == 'rendering') and redis.call('SADD', KEYS[1 + n + i], ARGV[1]) == 1 then
			redis.call('EXPIRE', KEYS[1 + n + i], ARGV[2])
			redis.call('INCR', KEYS[1])
		end
	end
end`;

/**
 * Takes the render off every batch waiting for it and answers the batches it was the last one of. The counters' keys are
 * built here from the waiting set's members, which a single Redis (all billcast uses) allows.
 * KEYS: the render's waiting set. ARGV: the counter key's prefix and suffix around a batch id.
 */
const SETTLE = `
local done = {}
for _, batch in ipairs(redis.call('SMEMBERS', KEYS[1])) do
	local counter = ARGV[1] .. batch .. ARGV[2]
	if redis.call('DECR', counter) == 0 then
		redis.call('DEL', counter)
		table.insert(done, batch)
	end
end
redis.call('DEL', KEYS[1])
return done`;

/**
 * When a batch's last render ends, exactly once. Each batch has a counter: one for the ingest still running, plus one
 * per render it waits for. Whoever brings it to zero (the ingest sealing the batch, or the worker ending its last
 * render) is the only one to see zero, and so the only one to announce the batch.
 */
export const makeBatchCompletion = ({
	redis,
	renderKey,
	prefix = 'billcast:batch:',
}: {
	redis: Redis;
	/** Where a render's record lives, so its status is read in the same step as the batch joins it. */
	renderKey: (renderId: string) => string;
	prefix?: string;
}) => {
	const counterKey = (batchId: string) => `${prefix}${batchId}${COUNTER_SUFFIX}`;
	const waitingKey = (renderId: string) => `${prefix}waiting-for:${renderId}`;
	return {
		/** Before any line is read: the ingest itself counts as unfinished until it seals the batch. */
		async open(batchId: string): Promise<void> {
			await redis.set(counterKey(batchId), 1, 'EX', TTL_SECONDS);
		},
		async track(batchId: string, renderIds: readonly string[]): Promise<void> {
			if (renderIds.length === 0) return;
			const keys = [counterKey(batchId), ...renderIds.map(renderKey), ...renderIds.map(waitingKey)];
			await redis.eval(TRACK, keys.length, ...keys, batchId, TTL_SECONDS);
		},
		/** Every line is read; true when every render the batch waited for had already ended. */
		async seal(batchId: string): Promise<boolean> {
			const left = await redis.decr(counterKey(batchId));
			if (left !== 0) return false;
			await redis.del(counterKey(batchId));
			return true;
		},
		/** A render has ended for good; answers the batches whose last render it was. */
		async settle(renderId: string): Promise<string[]> {
			return (await redis.eval(SETTLE, 1, waitingKey(renderId), prefix, COUNTER_SUFFIX)) as string[];
		},
	};
};

export type BatchCompletion = ReturnType<typeof makeBatchCompletion>;
