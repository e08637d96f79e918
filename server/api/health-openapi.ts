import type {OpenApiPaths} from '../platform/openapi-parts';

export const healthPaths: OpenApiPaths = {
	'/healthz': {get: {summary: 'The process is alive', security: [], responses: {'200': {description: 'Alive'}}}},
	'/readyz': {get: {summary: 'Redis answers, the queue runs and a worker beat recently', security: [], responses: {'200': {description: 'Ready; optional warnings.redisDurability and warnings.redisDataLost name Redis settings that can lose accepted renders, or a data loss in the last 7 days'}, '503': {description: 'Not ready; the body names the failing check'}}}},
};
