import {resolveServeUrl} from './bundle';
import {resolveBrowserExecutable} from './browser';
import {loadConfig} from './config';
import {connectRedis} from './redis-connection';
import {makeBatchCompletion} from './batch-completion';
import {makeBatchStore} from './batch-store';
import {makeRenderStore} from './render-store';
import {makeRenderWorker} from './render-worker';
import {ensureSystemPackages, RENDER_PACKAGES} from './system-packages';
import {loadTenantRegistry} from './tenant-registry';
import {makeWebhookDeliveryStore} from './webhook-deliveries';
import {makeWebhookDeliveryWorker} from './webhook-delivery-worker';
import {makeWebhookNotifier} from './webhook-notifier';
import {makeWebhookQueue} from './webhook-queue';
import {makeWatchLinks} from './watch-links';

const config = loadConfig();
const tenants = loadTenantRegistry({file: config.tenantsFile, production: process.env.NODE_ENV === 'production', devWebhook: config.devWebhook});
if (!config.browserExecutable) ensureSystemPackages({packages: RENDER_PACKAGES});
const browserExecutable = resolveBrowserExecutable(config.browserExecutable);
if (!browserExecutable) {
	console.error('No Chromium found: install chromium-headless-shell or set REMOTION_BROWSER_EXECUTABLE.');
	process.exit(1);
}

console.log(config.bundleDir ? `Using the prebuilt bundle in ${config.bundleDir}` : 'Bundling the compositions...');
const serveUrl = await resolveServeUrl({bundleDir: config.bundleDir});
const redis = connectRedis(config.redisUrl);
const store = makeRenderStore({redis});
const deliveries = makeWebhookDeliveryStore({redis});
const webhookQueue = makeWebhookQueue({connection: redis, queueName: config.webhookQueueName, deliveries});
const renderWorker = await makeRenderWorker({
	connection: redis,
	queueName: config.queueName,
	serveUrl,
	rendersDir: config.rendersDir,
	browserExecutable,
	store,
	webhooks: makeWebhookNotifier({
		tenants,
		queue: webhookQueue,
		store,
		batches: makeBatchStore({redis}),
		completion: makeBatchCompletion({redis, renderKey: store.keyOf}),
		publicBaseUrl: config.publicBaseUrl,
		watchLinks: makeWatchLinks({secret: config.watchSecret, ttlDays: config.watchTtlDays, publicBaseUrl: config.publicBaseUrl}),
		log: (message, error) => console.error(`[webhooks] ${message}:`, error),
	}),
	concurrency: config.workerConcurrency,
});
// Deliveries run beside the renders, in their own queue and worker, so `npm start` and every worker process send them.
const webhookWorker = makeWebhookDeliveryWorker({connection: redis, queueName: config.webhookQueueName, deliveries, tenants});
console.log(`billcast worker ready (browser ${browserExecutable}, renders in ${config.rendersDir})`);

let stopping = false;
const shutdown = async (signal: string) => {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: finishing the active render, taking no new ones...`);
	await Promise.all([renderWorker.close(), webhookWorker.close()]);
	await webhookQueue.close();
	redis.disconnect();
	process.exit(0);
};
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
