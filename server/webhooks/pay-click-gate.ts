import type {RedisClient} from '../platform/redis-connection';

/**
 * How long the pay clicks on one render count as one viewing's: a customer who presses pay, looks at the checkout and
 * comes back to press it again is still the one attempt to pay the tenant has heard of, and a watch link can no longer
 * turn the viewer events it may send (120 a minute) into as many webhooks.
 */
const PAY_CLICK_WINDOW_SECONDS = 30 * 60;

export interface PayClickGate {
	/** True for the first pay click on the render in the window; of clicks that race, for exactly one. */
	first(renderId: string): Promise<boolean>;
}

/** One key per render, written with NX and expiring with the window, so the check and the claim are one Redis step. */
export const makePayClickGate = ({redis, prefix}: {redis: RedisClient; prefix: string}): PayClickGate => ({
	first: async (renderId) => (await redis.set(`${prefix}pay-click:${renderId}`, '1', 'EX', PAY_CLICK_WINDOW_SECONDS, 'NX')) === 'OK',
});
