import type {RedisClient} from '../platform/redis-connection';
import type {PaidState} from '../../src/paid-state';
import type {Payment, PaymentInput, PaymentResult} from './payment-schema';

/** The answer's shape, or a conflict (another reference already paid), which the router answers as a problem. */
export type ConfirmResult = PaymentResult | {readonly status: 'conflict'; readonly payment: Payment};

export interface PaymentStore {
	/** Records the payment once: the same reference again is a duplicate, another reference a conflict. */
	confirm(renderId: string, input: PaymentInput): Promise<ConfirmResult>;
	get(renderId: string): Promise<Payment | undefined>;
}

/** One key per render, written with NX so two concurrent confirmations can never both count. */
export const makePaymentStore = ({redis, prefix, ttlSeconds}: {redis: RedisClient; prefix: string; ttlSeconds: number}): PaymentStore => {
	const key = (renderId: string) => `${prefix}payment:${renderId}`;
	const get = async (renderId: string) => {
		const raw = await redis.get(key(renderId));
		return raw ? (JSON.parse(raw) as Payment) : undefined;
	};
	return {
		get,
		async confirm(renderId, input) {
			const payment: Payment = {...input, renderId, confirmedAt: new Date().toISOString()};
			if ((await redis.set(key(renderId), JSON.stringify(payment), 'EX', ttlSeconds, 'NX')) === 'OK') return {status: 'confirmed', payment};
			const existing = await get(renderId);
			// Expired between the two calls: nothing is paid any more, so this one is the first.
			if (!existing) return this.confirm(renderId, input);
			return {status: existing.reference === input.reference ? 'duplicate' : 'conflict', payment: existing};
		},
	};
};

/** What the viewer is shown of a confirmed payment: no reference, which is the tenant's bookkeeping. */
export const paidView = ({amount, currency, paidAt}: Payment): PaidState => ({amount, currency, paidAt});
