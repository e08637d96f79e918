import {randomUUID} from 'node:crypto';
import type {RenderRecord} from './render-record';
import {renderView} from './render-view';
import type {TenantRegistry} from './tenant-registry';
import type {WebhookEvent, WebhookEventContent} from './webhook-events';
import type {WebhookQueue} from './webhook-queue';
import type {WatchLinks} from './watch-links';

export interface WebhookNotifier {
	/** A viewer pressed the pay button in the video or on the watch page. */
	paymentClicked(record: RenderRecord, hotspot: string | undefined): Promise<void>;
}

/**
 * Turns what happens to renders and viewers into webhook events for tenants that have a webhook. It never throws:
 * a webhook is a notice about a render or a click, and must never fail the render or the viewer's request.
 */
export const makeWebhookNotifier = ({
	tenants,
	queue,
	publicBaseUrl,
	watchLinks,
	log,
}: {
	tenants: TenantRegistry;
	queue: WebhookQueue;
	publicBaseUrl: string;
	watchLinks: WatchLinks;
	log: (message: string, error: unknown) => void;
}): WebhookNotifier => {
	const notify = async (tenant: string, content: WebhookEventContent): Promise<void> => {
		if (!tenants.byId(tenant)?.webhook) return;
		const event: WebhookEvent = {id: `evt_${randomUUID().replaceAll('-', '')}`, createdAt: new Date().toISOString(), ...content};
		try {
			await queue.enqueue({tenant, event});
		} catch (error) {
			log(`webhook event ${event.type} for tenant ${tenant} could not be queued`, error);
		}
	};
	return {
		paymentClicked: (record, hotspot) =>
			notify(record.tenant, {
				type: 'payment.clicked',
				data: {render: renderView(record, publicBaseUrl, watchLinks), ...(hotspot ? {hotspot} : {})},
			}),
	};
};
