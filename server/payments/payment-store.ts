import type {RedisClient} from '../platform/redis-connection';
import {videoFormats} from '../../src/formats';
import type {PaidState} from '../../src/paid-state';
import {buildBillId, renderIdInFormat} from '../renders/render-id';
import type {RenderProps, RenderRecord} from '../renders/render-record';
import type {Payment, PaymentInput, PaymentResult} from './payment-schema';

/** The answer's shape, or a conflict (another reference already paid), which the router answers as a problem. */
export type ConfirmResult = PaymentResult | {readonly status: 'conflict'; readonly payment: Payment};

/** What a payment settles. */
interface PayableBill {
	readonly billId: string;
	/** Its renders in every format: payments confirmed before they were kept per bill are under these ids. */
	readonly renderIds: readonly string[];
}

/** A render whose bill is gone (it expires with the record) is its own bill: there is nothing left to share it with. */
const payableBillOf = (record: RenderRecord, props: RenderProps | undefined): PayableBill =>
	props
		? {
				billId: buildBillId({...props, tenant: record.tenant}),
				renderIds: videoFormats.map((format) => (format === record.format ? record.id : renderIdInFormat(record.tenant, props, format))),
			}
		: {billId: record.id, renderIds: [record.id]};

/**
 * Payments are the bill's, not the render's they were confirmed through: the same bill rendered in several formats is
 * one bill, so every link the customer may hold reads as paid, and it takes one payment, counted and announced once.
 * `props` is the render's (undefined once expired), from which its bill is known.
 */
export interface PaymentStore {
	/** Records the bill's payment once: the same reference again is a duplicate, another reference a conflict. */
	confirm(record: RenderRecord, props: RenderProps | undefined, input: PaymentInput): Promise<ConfirmResult>;
	get(record: RenderRecord, props: RenderProps | undefined): Promise<Payment | undefined>;
}

/** One key per bill, written with NX so two concurrent confirmations, through one render or two, can never both count. */
export const makePaymentStore = ({redis, prefix, ttlSeconds}: {redis: RedisClient; prefix: string; ttlSeconds: number}): PaymentStore => {
	// Render ids never hold ":", so no bill's key is a render's.
	const billKey = (billId: string) => `${prefix}payment:bill:${billId}`;
	const renderKey = (renderId: string) => `${prefix}payment:${renderId}`;
	const paymentOf = async (bill: PayableBill) => {
		const raw = (await redis.mget(billKey(bill.billId), ...bill.renderIds.map(renderKey))).find((each) => each !== null);
		return raw ? (JSON.parse(raw) as Payment) : undefined;
	};
	const answer = (existing: Payment, input: PaymentInput): ConfirmResult => ({status: existing.reference === input.reference ? 'duplicate' : 'conflict', payment: existing});
	const confirm = async (renderId: string, bill: PayableBill, input: PaymentInput): Promise<ConfirmResult> => {
		const earlier = await paymentOf(bill);
		if (earlier) return answer(earlier, input);
		const payment: Payment = {...input, renderId, confirmedAt: new Date().toISOString()};
		if ((await redis.set(billKey(bill.billId), JSON.stringify(payment), 'EX', ttlSeconds, 'NX')) === 'OK') return {status: 'confirmed', payment};
		const existing = await paymentOf(bill);
		// Expired between the two calls: nothing is paid any more, so this one is the first.
		return existing ? answer(existing, input) : confirm(renderId, bill, input);
	};
	return {
		get: (record, props) => paymentOf(payableBillOf(record, props)),
		confirm: (record, props, input) => confirm(record.id, payableBillOf(record, props), input),
	};
};

/** What the viewer is shown of a confirmed payment: no reference, which is the tenant's bookkeeping. */
export const paidView = ({amount, currency, paidAt}: Payment): PaidState => ({amount, currency, paidAt});
