import {randomBytes, randomUUID} from 'node:crypto';
import {mkdir, mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {DestinationStream} from 'pino';
import {createServer} from 'node:http';
import {makeApp} from '../../server/api/app';
import {buildServices} from '../../server/services/build-services';
import {startRenderWorker, startWebhookWorker, type RenderWorkerTuning} from '../../server/services/build-workers';
import {loadConfig} from '../../server/platform/config';
import {makeOutboundGuard} from '../../server/platform/outbound-guard';
import {answerClientErrorsWithProblems} from '../../server/platform/problem';
import {makeLogger} from '../../server/platform/logger';
import {makeMetrics} from '../../server/platform/metrics';
import {resolveBrowserExecutable} from '../../server/worker/browser-executable';
import {connectRedis} from '../../server/platform/redis-connection';
import type {RenderWorker} from '../../server/worker/render-worker';
import type {Tenant} from '../../server/tenants/tenant';
import {DEV_TENANT, hashApiKey, makeTenantRegistry} from '../../server/tenants/tenant-registry';
import {vi} from 'vitest';
import {freePort} from './free-port';

/**
 * The real API, the webhook delivery worker (it needs no browser) and, when asked, a real render worker, on queues and
 * a key prefix of their own so test files never mix.
 */
export const startTestStack = async ({
	redisUrl,
	serveUrl,
	withWorker,
	tenant,
	watchTtlDays = 60,
	webhookRetryBaseMs,
	logDestination,
	adminKey,
	npmStartConfig = false,
	now,
	recordTtl = false,
	storageEnv = {},
	renderWorker,
}: {
	redisUrl: string;
	serveUrl: string;
	withWorker: boolean;
	/** Changes to the test tenant, e.g. a local checkout host or a webhook. */
	tenant?: Partial<Tenant>;
	watchTtlDays?: number;
	/** A short base lets a test watch retries in milliseconds instead of the production 30 s. */
	webhookRetryBaseMs?: number;
	/** Where the API's and worker's JSON log lines go; without one, nothing is logged. */
	logDestination?: DestinationStream;
	/** Opens /metrics and /admin/queues. */
	adminKey?: string;
	/**
	 * `npm start`'s configuration (its body limits, links on `http://localhost:<port>`) instead of the tests' small
	 * limits and 127.0.0.1 links. Every stack keeps its files where `npm start` does, under a `.data` dot-folder.
	 */
	npmStartConfig?: boolean;
	/** The rate limiter's clock. */
	now?: () => number;
	/** Render records expire after the retention, as in production (a test that lists key lifetimes needs them). */
	recordTtl?: boolean;
	/** `BILLCAST_STORAGE` and `BILLCAST_S3_*` variables; the local folder without them. */
	storageEnv?: Record<string, string>;
	/** The render worker's lock timings, retry base or DNS, where a test needs its own. */
	renderWorker?: RenderWorkerTuning;
}) => {
	const logger = makeLogger({service: 'api', level: logDestination ? 'info' : 'silent', destination: logDestination});
	// Tenant ids are per stack, because rate limits and idempotency keys are kept per tenant in the shared Redis.
	const tenantId = `test-${randomBytes(4).toString('hex')}`;
	const apiKey = `test-key-${randomBytes(8).toString('hex')}`;
	const otherApiKey = `other-key-${randomBytes(8).toString('hex')}`;
	const tenants = makeTenantRegistry([
		// Silent unless a test asks for narration, so the other suites keep the timelines they assert on.
		{...DEV_TENANT, id: tenantId, name: 'Test tenant', apiKeySha256: [hashApiKey(apiKey)], rateLimitPerMinute: 100_000, narration: {status: 'off'}, ...tenant},
		{...DEV_TENANT, id: 'other', name: 'Another tenant', apiKeySha256: [hashApiKey(otherApiKey)], narration: {status: 'off'}},
	]);
	const redis = connectRedis(redisUrl);
	const namespace = `test-${randomUUID().slice(0, 8)}`;
	const stackDir = await mkdtemp(join(tmpdir(), 'billcast-stack-'));
	const port = await freePort();
	const config = loadConfig({PORT: String(port), BILLCAST_DATA_DIR: join(stackDir, '.data'), BILLCAST_WATCH_SECRET: randomBytes(32).toString('base64url'), ...storageEnv});
	const {rendersDir, watchSecret} = config;
	await mkdir(rendersDir, {recursive: true});
	const baseUrl = npmStartConfig ? config.publicBaseUrl : `http://127.0.0.1:${port}`;
	const stackConfig = {...config, publicBaseUrl: baseUrl, watchTtlDays, queueName: namespace, webhookQueueName: `${namespace}-webhooks`};
	const services = buildServices({
		config: stackConfig,
		redis,
		tenants,
		logger,
		keyPrefix: `${namespace}:`,
		recordTtl,
		webhookRetryBaseMs,
	});
	const {store, queue, events, deliveries, webhookQueue} = services;
	const metrics = makeMetrics({queues: [queue.queue, webhookQueue.queue]});
	// Test receivers listen on loopback, which only the development switch lets outbound requests reach.
	const outbound = makeOutboundGuard({policy: {allowLoopback: true}});
	const webhookWorker = await startWebhookWorker({config: stackConfig, services, metrics, logger, outbound});
	const app = makeApp({
		config: npmStartConfig ? {...config, adminKey} : {bodyLimit: '64kb', batchBodyLimit: '16mb', publicBaseUrl: baseUrl, watchSecret, adminKey},
		services,
		logger,
		metrics,
		now,
	});
	const server = answerClientErrorsWithProblems(createServer(app));
	// Node closes an idle connection after 5 s and fetch, told so, stops reusing it a second earlier: a margin a loaded
	// test process's event loop lags past, and fetch sent a POST on a connection the server was closing (ECONNRESET, seen
	// when the browser and integration projects ran side by side on two cores). Tests pause for seconds all the time, seldom for a whole idle minute.
	server.keepAliveTimeout = 60_000;
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	let worker: RenderWorker | undefined;
	/** Starts the render worker, for a test that prepares the queue first (e.g. a job that has stalled). */
	const startWorker = async (): Promise<RenderWorker> => {
		const browserExecutable = resolveBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE);
		if (!browserExecutable) throw new Error('No Chromium: run `npm run setup`');
		worker = await startRenderWorker({config: stackConfig, services, metrics, logger, serveUrl, browserExecutable, tuning: renderWorker});
		return worker;
	};
	if (withWorker) await startWorker();
	return {
		app,
		baseUrl,
		apiKey,
		tenantId,
		/** Headers that authenticate as the test tenant. */
		auth: {authorization: `Bearer ${apiKey}`},
		otherAuth: {authorization: `Bearer ${otherApiKey}`},
		redis,
		rendersDir,
		storage: services.storage,
		services,
		store,
		queue,
		events,
		watchSecret,
		get worker() {
			return worker;
		},
		startWorker,
		deliveries,
		metrics,
		/** Where every Redis key of this stack starts. */
		keyPrefix: services.keyPrefix,
		async close() {
			await Promise.all([worker?.close(), webhookWorker.close()]);
			await services.close();
			// With connections kept a minute, close() would wait that long for one a test left open (an event stream it
			// stopped reading, a fetch whose body it never read).
			await new Promise((resolve) => {
				server.close(resolve);
				server.closeAllConnections();
			});
			// QUIT is answered after every command already sent, so a write still in flight (BullMQ's, a store's) ends
			// with its reply; disconnect() would reject it with "Connection is closed" after the test file had moved on.
			if (redis.status === 'ready') await redis.quit();
			else redis.disconnect();
			await rm(stackDir, {recursive: true, force: true});
		},
	};
};

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;

export const waitForRender = (
	{baseUrl, auth}: Pick<TestStack, 'baseUrl' | 'auth'>,
	id: string,
	until: (body: {status: string}) => boolean = (body) => body.status === 'completed' || body.status === 'failed',
	timeoutMs = 150_000,
) =>
	vi.waitFor(
		async () => {
			const body = (await (await fetch(`${baseUrl}/v1/renders/${id}`, {headers: auth})).json()) as Record<string, unknown> & {status: string};
			// The last of these is what a timed-out wait throws.
			if (!until(body)) throw new Error(`render ${id} still ${body.status} after ${timeoutMs} ms`);
			return body;
		},
		{timeout: timeoutMs, interval: 300},
	);
