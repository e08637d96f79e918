import {mappingSchema, storedMappingSchema} from '../batches/mapping-schema';
import {batchAcceptedSchema, batchStatusSchema} from '../batches/batch-view-schema';
import {problemSchema} from '../platform/problem';
import {renderViewSchema} from '../renders/render-view-schema';
import {webhookEventSchema} from '../webhooks/webhook-events';
import {webhookDeliveryListSchema, webhookDeliverySchema} from '../webhooks/webhook-deliveries';
import {batchPaymentsInputSchema, batchPaymentsResultSchema, paymentInputSchema, paymentResultSchema} from '../payments/payment-schema';
import {batchAnalyticsSchema, rangeAnalyticsSchema} from '../analytics/analytics-schemas';
import {renderRequestSchema} from '../renders/render-request-schema';
import {jsonSchema} from '../platform/openapi-parts';
import {rendersPaths} from '../renders/renders-openapi';
import {onDemandPaths} from '../renders/on-demand-openapi';
import {batchesPaths} from '../batches/batches-openapi';
import {paymentsPaths} from '../payments/payments-openapi';
import {analyticsPaths} from '../analytics/analytics-openapi';
import {watchPaths} from '../watch/watch-openapi';
import {webhookCallbacks, webhooksPaths} from '../webhooks/webhooks-openapi';
import {healthPaths} from './health-openapi';
import {musicBedPaths} from '../voice/music-bed-openapi';
import {musicBedViewSchema} from '../voice/music-bed-view';

/**
 * The OpenAPI 3.1 document of the API, generated from the same zod schemas that validate requests. Each feature folder
 * documents its own routes in `<feature>-openapi.ts`; this file only assembles them.
 */
export const buildOpenApi = ({publicBaseUrl}: {publicBaseUrl: string}) => ({
	openapi: '3.1.0',
	info: {
		title: 'billcast API',
		version: '1.0.0',
		description:
			'Personalized bill videos. Money is always an integer of minor units. Errors are application/problem+json with a stable `code`.',
	},
	servers: [{url: publicBaseUrl}],
	security: [{bearer: []}],
	components: {
		securitySchemes: {bearer: {type: 'http', scheme: 'bearer', description: "The tenant's API key"}},
		schemas: {
			RenderRequest: jsonSchema(renderRequestSchema, 'input'),
			Render: jsonSchema(renderViewSchema),
			Problem: jsonSchema(problemSchema),
			BatchAccepted: jsonSchema(batchAcceptedSchema),
			Mapping: jsonSchema(mappingSchema, 'input'),
			StoredMapping: jsonSchema(storedMappingSchema),
			Batch: jsonSchema(batchStatusSchema),
			WebhookEvent: jsonSchema(webhookEventSchema),
			WebhookDelivery: jsonSchema(webhookDeliverySchema),
			WebhookDeliveryList: jsonSchema(webhookDeliveryListSchema),
			PaymentInput: jsonSchema(paymentInputSchema, 'input'),
			PaymentResult: jsonSchema(paymentResultSchema),
			BatchPaymentsInput: jsonSchema(batchPaymentsInputSchema, 'input'),
			BatchPaymentsResult: jsonSchema(batchPaymentsResultSchema),
			BatchAnalytics: jsonSchema(batchAnalyticsSchema),
			RangeAnalytics: jsonSchema(rangeAnalyticsSchema),
			MusicBed: jsonSchema(musicBedViewSchema),
		},
	},
	paths: {
		...rendersPaths,
		...onDemandPaths,
		...batchesPaths,
		...paymentsPaths,
		...analyticsPaths,
		...watchPaths,
		...webhooksPaths,
		...musicBedPaths,
		...healthPaths,
	},
	webhooks: webhookCallbacks,
});
