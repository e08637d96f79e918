import {idParam, json, jsonSchema, notFoundError, problem, type OpenApiPaths, type OpenApiSchemas} from '../platform/openapi-parts';
import {webhookDeliveryListSchema, webhookDeliverySchema} from './webhook-deliveries';
import {webhookEventSchema, webhookEventTypes} from './webhook-events';
import {WEBHOOK_SIGNATURE_HEADER} from './webhook-signature';
import {MAX_DELIVERIES_PAGE} from './webhooks-router';

export const webhooksSchemas: OpenApiSchemas = {
	WebhookEvent: jsonSchema(webhookEventSchema),
	WebhookDelivery: jsonSchema(webhookDeliverySchema),
	WebhookDeliveryList: jsonSchema(webhookDeliveryListSchema),
};

export const webhooksPaths: OpenApiPaths = {
	'/v1/webhooks/deliveries': {
		get: {
			summary: "The tenant's webhook deliveries, newest first, each with every attempt",
			parameters: [{name: 'limit', in: 'query', required: false, schema: {type: 'integer', minimum: 1, maximum: MAX_DELIVERIES_PAGE, default: 20}}],
			responses: {'200': {description: 'The deliveries', content: json('WebhookDeliveryList')}, '422': problem('A limit out of range'), ...notFoundError},
		},
	},
	'/v1/webhooks/deliveries/{id}': {
		get: {summary: 'One webhook delivery and its attempts', parameters: [idParam('id')], responses: {'200': {description: 'The delivery', content: json('WebhookDelivery')}, ...notFoundError}},
	},
};

/** The document's `webhooks`: what billcast posts to a tenant, one entry per event type. */
export const webhookCallbacks: OpenApiPaths = Object.fromEntries(
	webhookEventTypes.map((type) => [
		type,
		{
			post: {
				summary: `${type}, posted to the tenant's webhook URL`,
				security: [],
				parameters: [
					{
						name: WEBHOOK_SIGNATURE_HEADER,
						in: 'header',
						required: true,
						schema: {type: 'string'},
						description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook secret>',
					},
				],
				requestBody: {required: true, content: json('WebhookEvent')},
				responses: {'2XX': {description: 'Received; any other answer, or none within 10 s, is retried'}},
			},
		},
	]),
);
