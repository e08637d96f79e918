import type {BatchView} from '../batches/batch-view';
import type {renderView} from '../renders/render-view';

export const webhookEventTypes = ['render.completed', 'render.failed', 'batch.completed', 'payment.clicked', 'payment.confirmed'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** The render exactly as `GET /v1/renders/:id` answers it, so a receiver parses one shape from both. */
type RenderData = ReturnType<typeof renderView>;

interface EventBase {
	/** `evt_` and 32 hex digits; the same on every retry, so a receiver can drop a delivery it already handled. */
	readonly id: string;
	readonly createdAt: string;
}

/**
 * What billcast posts to a tenant's webhook. Personal data is kept to ids and links (no name, no amount): the tenant
 * holds the bill, and a receiver's logs should not become a second copy of it. Only a batch's refused lines, reported
 * as the batch route reports them, may quote a sum that did not add up.
 */
export type WebhookEvent =
	| (EventBase & {readonly type: 'render.completed'; readonly data: {readonly render: RenderData}})
	| (EventBase & {readonly type: 'render.failed'; readonly data: {readonly render: RenderData}})
	/** The batch exactly as `GET /v1/batches/:id` answers it, once its last render has ended. */
	| (EventBase & {readonly type: 'batch.completed'; readonly data: {readonly batch: BatchView}})
	| (EventBase & {readonly type: 'payment.clicked'; readonly data: {readonly render: RenderData; readonly hotspot?: string}})
	/** The tenant confirmed the bill paid; the amount stays out, like every amount, and the reference lets it be matched. */
	| (EventBase & {readonly type: 'payment.confirmed'; readonly data: {readonly render: RenderData; readonly payment: {readonly reference: string; readonly paidAt: string}}});

/** Omit applied to each member on its own, so the union stays discriminated by `type`. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before it has an id and a time. */
export type WebhookEventContent = OmitEach<WebhookEvent, 'id' | 'createdAt'>;
