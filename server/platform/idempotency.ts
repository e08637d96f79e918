import type {RedisClient} from './redis-connection';
import {IdempotencyKeyInFlightError, IdempotencyKeyReusedError} from './errors';

export interface StoredResponse {
	readonly status: number;
	readonly body: unknown;
	readonly location?: string;
}

const DAY_SECONDS = 24 * 3600;
/**
 * An API killed mid-request leaves its claim behind; it blocks the key only this long. Far longer than any request runs
 * (a 100,000-bill batch is read in under a minute here), short enough that a client retrying after a crash gets through.
 */
const IN_FLIGHT_SECONDS = 15 * 60;

/**
 * `Idempotency-Key` for POSTs: the first request with a key runs and its response is kept for 24 hours; the same key
 * with the same body gets that response again and changes nothing; with another body it is refused. A request that
 * fails is forgotten, so the client can fix it and retry with the same key.
 */
export const makeIdempotency = ({redis, prefix}: {redis: RedisClient; prefix: string}) => ({
	async run({
		tenant,
		key,
		bodySha256,
		handle,
	}: {
		tenant: string;
		key: string | undefined;
		/** Computed lazily because a streamed body is only hashed once it has been read. */
		bodySha256: () => Promise<string>;
		handle: () => Promise<StoredResponse & {bodySha256?: string}>;
	}): Promise<StoredResponse> {
		if (!key) return handle();
		const slot = `${prefix}${tenant}:${key}`;
		const claimed = await redis.set(slot, JSON.stringify({inFlight: true}), 'EX', IN_FLIGHT_SECONDS, 'NX');
		if (!claimed) {
			const prior = JSON.parse((await redis.get(slot)) ?? '{"inFlight":true}') as {inFlight?: true; bodySha256?: string} & StoredResponse;
			if (prior.inFlight) throw new IdempotencyKeyInFlightError();
			if (prior.bodySha256 !== (await bodySha256())) throw new IdempotencyKeyReusedError();
			return {status: prior.status, body: prior.body, ...(prior.location ? {location: prior.location} : {})};
		}
		try {
			const response = await handle();
			const hash = response.bodySha256 ?? (await bodySha256());
			await redis.set(slot, JSON.stringify({...response, bodySha256: hash}), 'EX', DAY_SECONDS);
			return response;
		} catch (error) {
			await redis.del(slot);
			throw error;
		}
	},
});

export type Idempotency = ReturnType<typeof makeIdempotency>;
