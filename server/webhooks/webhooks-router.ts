import {Router} from 'express';
import {z} from 'zod';
import {NotFoundError, ValidationError} from '../platform/errors';
import {tenantOf} from '../tenants/tenant';
import type {WebhookDelivery, WebhookDeliveryStore, WebhookDeliveryView} from './webhook-deliveries';
import {fieldErrorsFromZod} from '../platform/zod-field-errors';

export const MAX_DELIVERIES_PAGE = 100;

const listQuerySchema = z.object({limit: z.coerce.number().int().min(1).max(MAX_DELIVERIES_PAGE).default(20)});

/** The tenant id is the caller's own, so the answer leaves it out. */
const deliveryView = ({tenant: _, ...delivery}: WebhookDelivery): WebhookDeliveryView => delivery;

/** What billcast sent to the tenant's webhook and how each attempt went. */
export const makeWebhooksRouter = ({deliveries}: {deliveries: WebhookDeliveryStore}): Router => {
	const router = Router();

	router.get('/v1/webhooks/deliveries', async (req, res) => {
		const query = listQuerySchema.safeParse(req.query);
		if (!query.success) throw new ValidationError(fieldErrorsFromZod(query.error));
		const list = await deliveries.list({tenant: tenantOf(res).id, limit: query.data.limit});
		res.json({deliveries: list.map(deliveryView)});
	});

	router.get('/v1/webhooks/deliveries/:id', async (req, res) => {
		const delivery = await deliveries.get(req.params.id);
		if (!delivery || delivery.tenant !== tenantOf(res).id) throw new NotFoundError(`Webhook delivery ${req.params.id}`);
		res.json(deliveryView(delivery));
	});

	return router;
};
