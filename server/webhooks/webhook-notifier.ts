import {createHash, randomUUID} from 'node:crypto';
import type {BatchCompletion} from '../batches/batch-completion';
import type {BatchStore} from '../batches/batch-store';
import {batchView} from '../batches/batch-view';
import type {RenderRecord} from '../renders/render-record';
import type {RenderStore} from '../renders/render-store';
import {renderView} from '../renders/render-view';
import type {TenantRegistry} from '../tenants/tenant-registry';
import type {PaymentStore} from '../payments/payment-store';
import type {PayClickGate} from './pay-click-gate';
import type {WebhookEvent, WebhookEventContent} from './webhook-events';
import type {WebhookQueue} from './webhook-queue';
import type {WatchLinks} from '../watch/watch-links';

/** None of these throw: a webhook is a notice about a render or a click, and must never fail the render or the viewer's request. */
export interface WebhookNotifier {
	/** A render has ended for good (completed, or failed after its last attempt); completes the batches it was the last render of. */
	renderEnded(record: RenderRecord): Promise<void>;
	/** Every line of a batch is read; completes the batch when every render it waited for has already ended. */
	batchIngested(batchId: string): Promise<void>;
	/**
	 * A viewer pressed the pay button in the video or on the watch page: told once per render in half an hour (see
	 * pay-click-gate.ts), and never for a bill already confirmed paid.
	 */
	paymentClicked(record: RenderRecord, hotspot: string | undefined): Promise<void>;
	/** The tenant confirmed the bill paid (once per payment, not per repeated confirmation). */
	paymentConfirmed(record: RenderRecord, payment: {reference: string; paidAt: string}): Promise<void>;
}

/**
 * A render's end event has an id derived from the render, so however often BullMQ runs its job, a receiver that has
 * seen the id once can drop the rest. A failed render may be posted again and fail again: its `updatedAt` (the moment it
 * failed) tells those failures apart.
 */
const renderEventId = (record: RenderRecord & {status: 'completed' | 'failed'}): string =>
	`evt_${createHash('sha256')
		.update(record.status === 'completed' ? `render.completed:${record.id}` : `render.failed:${record.id}:${record.updatedAt}`)
		.digest('hex')
		.slice(0, 32)}`;

/** Turns what happens to renders, batches and viewers into webhook events, for the tenants that have a webhook. */
export const makeWebhookNotifier = ({
	tenants,
	queue,
	store,
	batches,
	completion,
	publicBaseUrl,
	watchLinks,
	payments,
	payClicks,
	log,
}: {
	tenants: TenantRegistry;
	queue: WebhookQueue;
	store: RenderStore;
	payments: PaymentStore;
	payClicks: PayClickGate;
	batches: BatchStore;
	completion: BatchCompletion;
	publicBaseUrl: string;
	watchLinks: WatchLinks;
	log: (message: string, error: unknown) => void;
}): WebhookNotifier => {
	const safely = async (what: string, work: () => Promise<void>): Promise<void> => {
		try {
			await work();
		} catch (error) {
			log(`webhook: ${what} failed`, error);
		}
	};
	/** The content is built only for a tenant with a webhook, so no one else pays for a batch's summary. */
	const hasWebhook = (tenant: string) => tenants.byId(tenant)?.webhook !== undefined;
	const notify = async (
		tenant: string,
		content: () => Promise<WebhookEventContent> | WebhookEventContent,
		id = `evt_${randomUUID().replaceAll('-', '')}`,
	): Promise<void> => {
		if (!hasWebhook(tenant)) return;
		const body = await content();
		const event: WebhookEvent = {id, createdAt: new Date().toISOString(), ...body};
		await queue.enqueue({tenant, event});
	};
	const render = (record: RenderRecord) => renderView(record, publicBaseUrl, watchLinks);
	const batchCompleted = async (batchId: string): Promise<void> => {
		const batch = await batches.get(batchId);
		if (!batch) return;
		await notify(batch.tenant, async () => ({type: 'batch.completed', data: {batch: await batchView({batch, store, batches, publicBaseUrl})}}));
	};
	return {
		renderEnded: (record) =>
			safely(`render ${record.id} ending`, async () => {
				if (record.status === 'completed') {
					await notify(record.tenant, () => ({type: 'render.completed', data: {render: render(record)}}), renderEventId(record));
				}
				if (record.status === 'failed') await notify(record.tenant, () => ({type: 'render.failed', data: {render: render(record)}}), renderEventId(record));
				for (const batchId of await completion.settle(record.id)) await batchCompleted(batchId);
			}),
		batchIngested: (batchId) =>
			safely(`batch ${batchId} sealing`, async () => {
				if (await completion.seal(batchId)) await batchCompleted(batchId);
			}),
		paymentClicked: (record, hotspot) =>
			safely(`pay click on ${record.id}`, async () => {
				// A click on a bill already paid (an old link, the bill's video in another format) is no news to the tenant;
				// checked before the gate, which a tenant without a webhook never writes to either.
				if (!hasWebhook(record.tenant) || (await payments.get(record, await store.getProps(record.id)))) return;
				if (!(await payClicks.first(record.id))) return;
				await notify(record.tenant, () => ({type: 'payment.clicked', data: {render: render(record), ...(hotspot ? {hotspot} : {})}}));
			}),
		paymentConfirmed: (record, {reference, paidAt}) =>
			safely(`payment of ${record.id}`, () =>
				notify(record.tenant, () => ({type: 'payment.confirmed', data: {render: render(record), payment: {reference, paidAt}}})),
			),
	};
};
