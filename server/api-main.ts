import {makeApp} from './app';
import {loadConfig} from './config';
import {connectRedis} from './redis-connection';
import {loadTenantRegistry} from './tenant-registry';
import {makeRenderQueue} from './render-queue';
import {makeRenderStore} from './render-store';
import {makeViewerEventsStore} from './viewer-events-store';

const config = loadConfig();
const redis = connectRedis(config.redisUrl);
const store = makeRenderStore({redis});
const queue = makeRenderQueue({connection: redis, queueName: config.queueName});
const events = makeViewerEventsStore({redis});
const tenants = loadTenantRegistry({file: config.tenantsFile, production: process.env.NODE_ENV === 'production', devWebhook: config.devWebhook});
const app = makeApp({config, redis, tenants, store, queue, events});

const server = app.listen(config.port, config.host, () => {
	console.log(`billcast API listening on http://${config.host}:${config.port} (public URL ${config.publicBaseUrl})`);
});

const shutdown = () => {
	server.close(async () => {
		await queue.close();
		redis.disconnect();
		process.exit(0);
	});
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
