import type {renderView} from './render-view';

export const webhookEventTypes = ['render.completed', 'render.failed', 'payment.clicked'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** The render exactly as `GET /v1/renders/:id` answers it, so a receiver parses one shape from both. */
type RenderData = ReturnType<typeof renderView>;

interface EventBase {
	/** `evt_` and 32 hex digits; the same on every retry, so a receiver can drop a delivery it already handled. */
	readonly id: string;
	readonly createdAt: string;
}

/**
 * What billcast posts to a tenant's webhook. Personal data is kept to ids and links: the tenant holds the bill, and a
 * receiver's logs should not become a second copy of it.
 */
export type WebhookEvent =
	| (EventBase & {readonly type: 'render.completed'; readonly data: {readonly render: RenderData}})
	| (EventBase & {readonly type: 'render.failed'; readonly data: {readonly render: RenderData}})
	| (EventBase & {readonly type: 'payment.clicked'; readonly data: {readonly render: RenderData; readonly hotspot?: string}});

/** An event before it has an id and a time (the conditional type keeps the union discriminated). */
export type WebhookEventContent = WebhookEvent extends unknown ? Omit<WebhookEvent, 'id' | 'createdAt'> : never;
