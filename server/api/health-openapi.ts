import type {OpenApiPaths} from '../platform/openapi-parts';

const checks = {type: 'object', properties: {redis: {type: 'boolean'}, queueRunning: {type: 'boolean'}, workerHeartbeat: {type: 'boolean'}}};
const words = {type: 'object', additionalProperties: {type: 'string'}};
const readiness = {
	'application/json': {
		schema: {type: 'object', required: ['ready', 'checks'], properties: {ready: {type: 'boolean'}, checks, reasons: words, warnings: words}},
	},
};

export const healthPaths: OpenApiPaths = {
	'/healthz': {
		get: {
			summary: 'The process is alive',
			security: [],
			responses: {'200': {description: 'Alive', content: {'application/json': {schema: {type: 'object', properties: {status: {const: 'ok'}}}}}}},
		},
	},
	'/readyz': {
		get: {
			summary: 'Redis answers, the queue runs and a worker beat recently',
			security: [],
			responses: {
				'200': {
					description: 'Ready; optional warnings.redisDurability and warnings.redisDataLost name Redis settings that can lose accepted renders, or a data loss in the last 7 days',
					content: readiness,
				},
				'503': {
					description:
						'Not ready; reasons says for each failing check what was seen: Redis unreachable, the queue paused, no worker beat, or Redis not answering a check in time',
					content: readiness,
				},
			},
		},
	},
};
