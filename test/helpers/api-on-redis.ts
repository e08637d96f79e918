import {createServer} from 'node:http';
import {makeApp} from '../../server/api/app';
import {makeLogger, type Logger} from '../../server/platform/logger';
import {makeMetrics} from '../../server/platform/metrics';
import {answerClientErrorsWithProblems} from '../../server/platform/problem';
import {connectApiRedis} from '../../server/platform/redis-connection';
import {buildServices} from '../../server/services/build-services';
import {DEV_TENANT, makeTenantRegistry} from '../../server/tenants/tenant-registry';
import {freePort} from './free-port';

/**
 * The API wired as api-main wires it (one fail-fast connection) on the Redis at `redisPort`, running or not: for tests
 * that stop and start that Redis under it.
 */
export const startApiOnRedis = async ({
	redisPort,
	dir,
	queueName,
	watchSecret,
	adminKey,
	logger = makeLogger({service: 'api', level: 'silent'}),
}: {
	redisPort: number;
	dir: string;
	queueName: string;
	watchSecret: string;
	adminKey: string;
	logger?: Logger;
}): Promise<{baseUrl: string; close: () => Promise<void>}> => {
	const redis = connectApiRedis(`redis://127.0.0.1:${redisPort}`);
	redis.on('error', () => undefined);
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const services = buildServices({
		config: {publicBaseUrl: baseUrl, watchSecret, watchTtlDays: 1, retentionDays: 1, queueName, webhookQueueName: `${queueName}-webhooks`, storage: {kind: 'local', dir}},
		redis,
		tenants: makeTenantRegistry([DEV_TENANT]),
		logger,
	});
	const {queue, webhookQueue} = services;
	const app = makeApp({
		config: {bodyLimit: '64kb', batchBodyLimit: '1mb', publicBaseUrl: baseUrl, watchSecret, adminKey},
		services,
		logger,
		metrics: makeMetrics({queues: [queue.queue, webhookQueue.queue]}),
	});
	const server = answerClientErrorsWithProblems(createServer(app));
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		baseUrl,
		close: async () => {
			await new Promise((resolve) => server.close(resolve));
			await Promise.all([queue.close(), webhookQueue.close()]);
			redis.disconnect();
		},
	};
};
