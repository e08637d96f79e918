import {platformSchemas, withEdgeAnswers} from '../platform/openapi-parts';
import {rendersPaths, rendersSchemas} from '../renders/renders-openapi';
import {onDemandPaths} from '../renders/on-demand-openapi';
import {batchesPaths, batchesSchemas} from '../batches/batches-openapi';
import {paymentsPaths, paymentsSchemas} from '../payments/payments-openapi';
import {analyticsPaths, analyticsSchemas} from '../analytics/analytics-openapi';
import {watchPaths} from '../watch/watch-openapi';
import {webhookCallbacks, webhooksPaths, webhooksSchemas} from '../webhooks/webhooks-openapi';
import {healthPaths} from './health-openapi';
import {musicBedPaths, musicBedSchemas} from '../voice/music-bed-openapi';

/**
 * The OpenAPI 3.1 document of the API, generated from the same zod schemas that validate requests. Each feature folder
 * documents its own routes and registers its own component schemas in `<feature>-openapi.ts`; this file only
 * assembles them, and adds to every route the answers the layers before it give.
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
		schemas: {...rendersSchemas, ...platformSchemas, ...batchesSchemas, ...webhooksSchemas, ...paymentsSchemas, ...analyticsSchemas, ...musicBedSchemas},
	},
	paths: withEdgeAnswers({
		...rendersPaths,
		...onDemandPaths,
		...batchesPaths,
		...paymentsPaths,
		...analyticsPaths,
		...watchPaths,
		...webhooksPaths,
		...musicBedPaths,
		...healthPaths,
	}),
	webhooks: webhookCallbacks,
});
