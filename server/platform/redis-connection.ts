import {Cluster, Redis, type RedisOptions} from 'ioredis';
import {z} from 'zod';

/**
 * The hash tag every billcast key starts with: BullMQ's queues (its `prefix`) and billcast's own keys (`{billcast}:`)
 * all hash to one Redis Cluster slot, so every script, transaction and pipeline finds its keys on one node. A cluster
 * then gives billcast failover and room to grow a node, not keys spread over its masters.
 */
export const KEY_TAG = '{billcast}';

/**
 * Options for every queue billcast adds jobs to. BullMQ otherwise starts a queue with a one-time round trip (wait for
 * the connection, then INFO for the server's version) whose failure it never retries: a queue whose start met a Redis
 * blip refused every job until the process restarted, and one started while Redis was away held requests until it
 * came back instead of answering 503. The workers still check the version when they start.
 */
export const QUEUE_OPTIONS = {prefix: KEY_TAG, skipWaitingForReady: true, skipVersionCheck: true} as const;

/** A connection to one Redis (alone or behind Sentinel) or to a Redis Cluster: every store takes either. */
export type RedisClient = Redis | Cluster;

const hostSchema = z
	.string()
	.regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'each host must be host:port (an IPv6 address in brackets)')
	.transform((hostPort) => {
		const at = hostPort.lastIndexOf(':');
		return {host: hostPort.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port: Number(hostPort.slice(at + 1))};
	})
	.refine(({port}) => port > 0 && port < 65536, 'a port must be 1 to 65535');

const credentials = {
	username: z.string().optional(),
	password: z.string().optional(),
	tls: z.boolean(),
};

/** Where Redis is, as `REDIS_URL` says: one server, the masters Sentinel watches over, or a cluster. */
const redisTargetSchema = z.discriminatedUnion('kind', [
	z.object({kind: z.literal('single'), url: z.string()}),
	z.object({
		kind: z.literal('sentinel'),
		sentinels: z.array(hostSchema).min(1, 'name at least one sentinel'),
		name: z.string().min(1, "name the master after the hosts: redis+sentinel://host:26379,host:26379/mymaster"),
		db: z.coerce.number().int().min(0).optional(),
		...credentials,
	}),
	z.object({kind: z.literal('cluster'), nodes: z.array(hostSchema).min(1, 'name at least one cluster node'), ...credentials}),
]);

export type RedisTarget = z.output<typeof redisTargetSchema>;

const FORMS = 'redis://host:6379[/db], rediss://…, redis+sentinel://[:password@]host:26379,host:26379/mastername[/db] or redis+cluster://[:password@]host:6379,host:6379';
const MULTI_HOST = /^(rediss?)\+(sentinel|cluster):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#@]+)(?:\/([^/?#]*))?(?:\/([^/?#]*))?$/;

/**
 * `REDIS_URL` read into a target. One server's URL is left to ioredis as it is; Sentinel and cluster URLs list several
 * hosts, which no URL parser takes, so they are split here and checked by the schema above.
 */
export const redisUrlSchema = z.string().transform((url, context): RedisTarget => {
	const fail = (message: string) => {
		context.addIssue({code: 'custom', message});
		return z.NEVER;
	};
	if (/^rediss?:\/\//.test(url)) {
		// ioredis would otherwise throw its own bare "Invalid URL" from deep inside the first connection.
		if (URL.canParse(url)) return {kind: 'single', url};
		const port = /^rediss?:\/\/(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/?#]*):(\d+)/.exec(url)?.[1];
		return fail(port !== undefined && Number(port) > 65535 ? 'a port must be 1 to 65535' : `is not a URL: must be one of ${FORMS}`);
	}
	const parts = MULTI_HOST.exec(url);
	if (!parts) return fail(`must be one of ${FORMS}`);
	const [, scheme, kind, username, password, hosts = '', name, db] = parts as Array<string | undefined>;
	const decoded = (value: string | undefined) => (value ? decodeURIComponent(value) : undefined);
	const common = {username: decoded(username), password: decoded(password), tls: scheme === 'rediss'};
	if (kind === 'cluster' && name) return fail('a cluster URL takes no path: redis+cluster://host:6379,host:6379 (a cluster has one database)');
	const parsed = redisTargetSchema.safeParse(
		kind === 'sentinel' ? {kind, sentinels: hosts.split(','), name: decoded(name) ?? '', db: db || undefined, ...common} : {kind, nodes: hosts.split(','), ...common},
	);
	if (!parsed.success) return fail(parsed.error.issues.map((issue) => issue.message).join('; '));
	return parsed.data;
});

/** For the environment's schema: REDIS_URL's own problems, in its words. */
export const checkRedisUrl = (url: string, context: z.RefinementCtx): void => {
	const parsed = redisUrlSchema.safeParse(url);
	if (!parsed.success) for (const issue of parsed.error.issues) context.addIssue({code: 'custom', message: issue.message});
};

const connect = (url: string, options: RedisOptions): RedisClient => {
	const target = redisUrlSchema.parse(url);
	switch (target.kind) {
		case 'single':
			return new Redis(target.url, options);
		case 'sentinel':
			return new Redis({
				...options,
				sentinels: target.sentinels,
				name: target.name,
				username: target.username,
				password: target.password,
				// The sentinels are asked with the same password as the master, as in most deployments.
				sentinelPassword: target.password,
				...(target.db === undefined ? {} : {db: target.db}),
				...(target.tls ? {tls: {}, enableTLSForSentinelMode: true} : {}),
			});
		case 'cluster':
			return new Cluster(target.nodes, {
				enableOfflineQueue: options.enableOfflineQueue ?? true,
				lazyConnect: options.lazyConnect ?? false,
				...(options.retryStrategy ? {clusterRetryStrategy: options.retryStrategy} : {}),
				redisOptions: {...options, username: target.username, password: target.password, ...(target.tls ? {tls: {}} : {})},
			});
	}
};

/** BullMQ needs `maxRetriesPerRequest: null` so blocking commands wait out a Redis restart instead of failing. */
export const connectRedis = (url: string): RedisClient => connect(url, {maxRetriesPerRequest: null});

/**
 * A connection that gives up at its first failure, to the server, a sentinel or a cluster node alike: to ask whether
 * Redis answers (`npm start`, scripts), never for work. It connects when told to.
 */
export const connectProbe = (url: string, timeoutMs: number): RedisClient =>
	connect(url, {lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, sentinelRetryStrategy: () => null});

/** Well under the 2 s in which the API promises an answer, well over any command a healthy Redis runs. */
const API_COMMAND_TIMEOUT_MS = 1_500;

/**
 * The API's own connection fails fast instead: with no offline queue a command sent while Redis is away fails at once,
 * a command caught by the disconnect fails after one retry, and one a hung Redis never answers fails after the
 * timeout, so a request answers 503 while Redis is down. It reconnects by itself, so the API recovers without a restart.
 */
export const connectApiRedis = (url: string): RedisClient =>
	connect(url, {
		enableOfflineQueue: false,
		maxRetriesPerRequest: 1,
		commandTimeout: API_COMMAND_TIMEOUT_MS,
		connectTimeout: API_COMMAND_TIMEOUT_MS,
		retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
	});

/**
 * Every key matching `match`, a page at a time. A cluster's keys are spread over its masters, each scanned in turn.
 */
export async function* scanKeys(redis: RedisClient, match: string, count = 1_000): AsyncGenerator<string[]> {
	const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
	for (const node of nodes) {
		for await (const page of node.scanStream({match, count}) as AsyncIterable<string[]>) if (page.length > 0) yield page;
	}
}
