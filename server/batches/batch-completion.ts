import type {RedisClient} from '../platform/redis-connection';

/** Days a batch may take before its bookkeeping is dropped; far beyond any billing cycle's renders. */
const TTL_SECONDS = 30 * 24 * 3600;
const COUNTER_SUFFIX = ':unfinished';

/**
 * For each render, joins the batch when the render is still queued or rendering, reading its status in the same step
 * so a render that ends meanwhile is either counted and settled, or seen as ended: never both, never neither. A render
 * on two lines of one batch is counted once. The batches a render keeps waiting are a tab-separated string, not a set:
 * nearly always one batch, and a string costs Redis 7.0 half what a one-member set does.
 * KEYS: the batch's counter, then n render records, then their n waiting lists. ARGV: the batch id, the TTL.
 */
const TRACK = `
local n = (#KEYS - 1) / 2
for i = 1, n do
	local raw = redis.call('GET', KEYS[1 + i])
	if raw then
		local status = cjson.decode(raw).status
		if status == 'queued' or status == 'rendering' then
			local waiting = redis.call('GET', KEYS[1 + n + i])
			if not waiting then
				redis.call('SET', KEYS[1 + n + i], ARGV[1], 'EX', ARGV[2])
				redis.call('INCR', KEYS[1])
			elseif not string.find('\t' .. waiting .. '\t', '\t' .. ARGV[1] .. '\t', 1, true) then
				redis.call('SET', KEYS[1 + n + i], waiting .. '\t' .. ARGV[1], 'EX', ARGV[2])
				redis.call('INCR', KEYS[1])
			end
		end
	end
end`;

/**
 * Takes the render off the batches waiting for it and answers the batches it was the last one of. The batches are read
 * before the script, so every counter it touches is declared (Redis Cluster needs that); none can join in between, as
 * a batch only joins a render that has not ended.
 * KEYS: the render's waiting list, then one counter per batch. ARGV: those batches' ids.
 */
const SETTLE = `
local waiting = '\t' .. (redis.call('GET', KEYS[1]) or '') .. '\t'
local done = {}
for i, batch in ipairs(ARGV) do
	if string.find(waiting, '\t' .. batch .. '\t', 1, true) and redis.call('DECR', KEYS[1 + i]) == 0 then
		redis.call('DEL', KEYS[1 + i])
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
	prefix,
}: {
	redis: RedisClient;
	/** Where a render's record lives, so its status is read in the same step as the batch joins it. */
	renderKey: (renderId: string) => string;
	prefix: string;
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
			const waiting = await redis.get(waitingKey(renderId));
			if (!waiting) return [];
			const batchIds = waiting.split('\t');
			return (await redis.eval(SETTLE, 1 + batchIds.length, waitingKey(renderId), ...batchIds.map(counterKey), ...batchIds)) as string[];
		},
	};
};

export type BatchCompletion = ReturnType<typeof makeBatchCompletion>;
