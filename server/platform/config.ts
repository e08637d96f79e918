import {resolve} from 'node:path';
import {z} from 'zod';
import {ConfigError, MissingSystemPackagesError} from './errors';
import {checkRedisUrl} from './redis-connection';
import {outboundPolicyFromEnv, outboundUrlProblem, type OutboundPolicy} from './outbound-guard';
import {resolveWatchSecret} from './watch-secret';
import {fieldErrorsFromZod} from './zod-field-errors';
import {storageConfigOf, storageEnvProblem, storageEnvShape, type StorageConfig} from './storage-config';

const optionalString = z
	.string()
	.optional()
	.transform((value) => (value === '' ? undefined : value));

const envSchema = z.object({
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().default('127.0.0.1'),
	PUBLIC_BASE_URL: z.url().optional(),
	REDIS_URL: z.string().default('redis://127.0.0.1:6379').superRefine(checkRedisUrl),
	BILLCAST_DATA_DIR: z.string().default('.data'),
	BILLCAST_RENDERS_DIR: optionalString,
	BILLCAST_BUNDLE_DIR: optionalString,
	BILLCAST_QUEUE: z.string().regex(/^[A-Za-z0-9_-]+$/).default('billcast-renders'),
	BILLCAST_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/, 'must look like 512kb or 2mb').default('2mb'),
	BILLCAST_BATCH_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/, 'must look like 512kb or 2mb').default('16mb'),
	BILLCAST_TENANTS_FILE: optionalString,
	BILLCAST_TENANTS_JSON: optionalString,
	BILLCAST_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
	REMOTION_BROWSER_EXECUTABLE: optionalString,
	BILLCAST_WATCH_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
	BILLCAST_WATCH_TTL_DAYS: z.coerce.number().positive().max(3650).default(60),
	BILLCAST_ADMIN_KEY: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
	BILLCAST_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	BILLCAST_RETENTION_DAYS: z.coerce.number().positive().max(3650).default(90),
	BILLCAST_WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
	BILLCAST_WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
	BILLCAST_DEV_WEBHOOK_URL: optionalString.pipe(z.url({protocol: /^https?$/}).optional()),
	BILLCAST_DEV_WEBHOOK_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
	NODE_ENV: optionalString,
	...storageEnvShape,
})
	.refine((env) => (env.BILLCAST_DEV_WEBHOOK_URL === undefined) === (env.BILLCAST_DEV_WEBHOOK_SECRET === undefined), {
		path: ['BILLCAST_DEV_WEBHOOK_SECRET'],
		message: 'set both BILLCAST_DEV_WEBHOOK_URL and BILLCAST_DEV_WEBHOOK_SECRET, or neither',
	})
	.superRefine((env, context) => {
		const problem = storageEnvProblem(env);
		if (problem) context.addIssue({code: 'custom', path: [problem.path], message: problem.message});
	});

/** Documented in the README, like the development API key, so the dashboard and metrics open on a local `npm start`. */
const DEV_ADMIN_KEY = 'bc_admin_local_only';

export interface Config {
	readonly port: number;
	readonly host: string;
	readonly publicBaseUrl: string;
	readonly redisUrl: string;
	readonly dataDir: string;
	readonly rendersDir: string;
	/** Where render outputs are kept: `rendersDir` (local) or an S3 bucket, which every API and worker machine shares. */
	readonly storage: StorageConfig;
	readonly bundleDir: string | undefined;
	readonly queueName: string;
	/** Webhook deliveries have a queue of their own, so a slow receiver never holds up a render. */
	readonly webhookQueueName: string;
	readonly bodyLimit: string;
	readonly batchBodyLimit: string;
	readonly tenantsFile: string | undefined;
	/** The tenants file's JSON itself, for a platform that hands every machine the same secret as a variable. */
	readonly tenantsJson: string | undefined;
	readonly workerConcurrency: number;
	readonly browserExecutable: string | undefined;
	/** Signs the watch links (HMAC-SHA256). */
	readonly watchSecret: string;
	readonly watchTtlDays: number;
	/** Opens /metrics and /admin/queues; none in production unless set. */
	readonly adminKey: string | undefined;
	readonly logLevel: string;
	/** Render records and files are deleted this many days after the render was created. */
	readonly retentionDays: number;
	/** Where a worker process serves its own /metrics (renders, webhook deliveries); 0 turns it off. */
	readonly workerMetricsPort: number;
	/** Its own setting, not HOST: in a container the worker has no API to bind, yet its metrics must be scraped. */
	readonly workerMetricsHost: string;
	/** NODE_ENV=production: shared configuration is required and nothing is built or generated at run time. */
	readonly production: boolean;
	/** The development tenant's webhook; only used without a tenants file. */
	readonly devWebhook: {readonly url: string; readonly secret: string} | undefined;
	/** Which addresses webhooks and logo fetches may reach: public ones, plus loopback in development when asked. */
	readonly outboundPolicy: OutboundPolicy;
}

/**
 * For a main's start-up steps: a configuration problem is the operator's to fix, so it is printed as its message alone
 * and the process exits 1; a stack trace would bury the variable's name under frames of billcast's code. A step that
 * answers a promise (a check that asks a service) is awaited the same way.
 */
export function orExitOnConfigError<T>(step: () => Promise<T>): Promise<T>;
export function orExitOnConfigError<T>(step: () => T): T;
export function orExitOnConfigError<T>(step: () => T | Promise<T>): T | Promise<T> {
	const exit = (error: unknown): never => {
		if (!(error instanceof ConfigError || error instanceof MissingSystemPackagesError)) throw error;
		console.error(error.message);
		process.exit(1);
	};
	try {
		const result = step();
		return result instanceof Promise ? result.catch(exit) : result;
	} catch (error) {
		return exit(error);
	}
}

/** Reads and checks the environment once at start; a bad value stops the process with the variable's name. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		// One line naming the variable, as every other configuration problem prints: a log collector keeps it as one record.
		throw new ConfigError(fieldErrorsFromZod(parsed.error).map((e) => `${e.path}: ${e.message}`).join('; '));
	}
	const e = parsed.data;
	const outboundPolicy = outboundPolicyFromEnv(env);
	const devWebhookProblem = e.BILLCAST_DEV_WEBHOOK_URL && outboundUrlProblem(e.BILLCAST_DEV_WEBHOOK_URL, outboundPolicy);
	if (devWebhookProblem) {
		throw new ConfigError(
			`BILLCAST_DEV_WEBHOOK_URL: ${devWebhookProblem} (a receiver on this machine needs BILLCAST_ALLOW_PRIVATE_OUTBOUND=1)`,
		);
	}
	const production = e.NODE_ENV === 'production';
	// Every machine must build the same links; a localhost default would mail customers links to the worker itself.
	if (production && !e.PUBLIC_BASE_URL) {
		throw new ConfigError('PUBLIC_BASE_URL: must be set in production (the address customers open watch links at)');
	}
	const dataDir = resolve(e.BILLCAST_DATA_DIR);
	const rendersDir = resolve(e.BILLCAST_RENDERS_DIR ?? `${dataDir}/renders`);
	return {
		port: e.PORT,
		host: e.HOST,
		publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
		redisUrl: e.REDIS_URL,
		dataDir,
		rendersDir,
		storage: storageConfigOf(e, {rendersDir, awsRegion: env.AWS_REGION}),
		bundleDir: e.BILLCAST_BUNDLE_DIR,
		queueName: e.BILLCAST_QUEUE,
		webhookQueueName: `${e.BILLCAST_QUEUE}-webhooks`,
		bodyLimit: e.BILLCAST_BODY_LIMIT,
		batchBodyLimit: e.BILLCAST_BATCH_BODY_LIMIT,
		tenantsFile: e.BILLCAST_TENANTS_FILE,
		tenantsJson: e.BILLCAST_TENANTS_JSON,
		workerConcurrency: e.BILLCAST_WORKER_CONCURRENCY,
		browserExecutable: e.REMOTION_BROWSER_EXECUTABLE,
		watchSecret: resolveWatchSecret({configured: e.BILLCAST_WATCH_SECRET, dataDir, production}),
		watchTtlDays: e.BILLCAST_WATCH_TTL_DAYS,
		adminKey: e.BILLCAST_ADMIN_KEY ?? (production ? undefined : DEV_ADMIN_KEY),
		logLevel: e.BILLCAST_LOG_LEVEL,
		retentionDays: e.BILLCAST_RETENTION_DAYS,
		workerMetricsPort: e.BILLCAST_WORKER_METRICS_PORT,
		workerMetricsHost: e.BILLCAST_WORKER_METRICS_HOST,
		production,
		devWebhook:
			e.BILLCAST_DEV_WEBHOOK_URL && e.BILLCAST_DEV_WEBHOOK_SECRET
				? {url: e.BILLCAST_DEV_WEBHOOK_URL, secret: e.BILLCAST_DEV_WEBHOOK_SECRET}
				: undefined,
		outboundPolicy,
	};
};
