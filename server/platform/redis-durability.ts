import {Cluster, type Redis} from 'ioredis';
import type {Logger} from './logger';
import type {RedisClient} from './redis-connection';

/** The three settings that decide whether what Redis accepted is still there after a restart or when it fills up. */
export interface DurabilitySettings {
	readonly save: string;
	readonly appendonly: string;
	readonly maxmemoryPolicy: string;
}

const APPENDONLY_FIX = 'set appendonly yes (redis-server --appendonly yes, or CONFIG SET appendonly yes then CONFIG REWRITE; on a managed Redis, its parameter group)';

/**
 * What in these settings can lose an accepted render, each as "what is wrong, so what happens: the fix". Snapshots alone
 * are named too: a crash loses everything accepted since the last one, which README's "nothing accepted is lost" rules out.
 */
export const durabilityProblems = ({save, appendonly, maxmemoryPolicy}: DurabilitySettings): string[] => {
	const problems: string[] = [];
	if (appendonly !== 'yes') {
		problems.push(
			save.trim() === ''
				? `keeps nothing on disk (save "", appendonly no), so a restart loses every accepted render: ${APPENDONLY_FIX}`
				: `keeps only snapshots (save "${save}", appendonly no), so a crash loses the renders accepted since the last one: ${APPENDONLY_FIX}`,
		);
	}
	if (maxmemoryPolicy !== 'noeviction') {
		problems.push(
			`deletes keys once it reaches maxmemory (maxmemory-policy ${maxmemoryPolicy}), so queued renders and their records can vanish: set maxmemory-policy noeviction, which BullMQ requires`,
		);
	}
	return problems;
};

/** One node's settings and what is wrong with them. */
export interface NodeDurability {
	/** host:port, or the master a Sentinel group names: never the URL, which may hold a password. */
	readonly where: string;
	readonly settings: DurabilitySettings;
	readonly problems: readonly string[];
}

const nodeName = (node: Redis): string =>
	node.options.sentinels?.length ? `the Sentinel master "${node.options.name ?? ''}"` : `${node.options.host ?? 'localhost'}:${node.options.port ?? 6379}`;

const readNode = async (node: Redis): Promise<NodeDurability> => {
	// One CONFIG GET with three parameters (Redis 7) answers as a flat list of name, value pairs.
	const pairs = (await node.call('CONFIG', 'GET', 'save', 'appendonly', 'maxmemory-policy')) as string[];
	const values = new Map<string, string>();
	for (let index = 0; index + 1 < pairs.length; index += 2) values.set(pairs[index]!, pairs[index + 1]!);
	const settings = {save: values.get('save') ?? '', appendonly: values.get('appendonly') ?? 'no', maxmemoryPolicy: values.get('maxmemory-policy') ?? 'noeviction'};
	return {where: nodeName(node), settings, problems: durabilityProblems(settings)};
};

/**
 * Every master's settings (a cluster's each), or undefined when Redis does not let billcast read them: managed Redis
 * often renames CONFIG or an ACL denies it, and the service must run there all the same, without a warning it cannot back.
 */
export const readRedisDurability = async (redis: RedisClient): Promise<NodeDurability[] | undefined> => {
	const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
	try {
		return await Promise.all(nodes.map(readNode));
	} catch {
		return undefined;
	}
};

/** One line for the log and /readyz naming every node that can lose accepted renders and how to fix it; undefined when none. */
export const durabilityWarning = (nodes: readonly NodeDurability[] | undefined): string | undefined => {
	const wrong = (nodes ?? []).filter(({problems}) => problems.length > 0);
	if (wrong.length === 0) return undefined;
	return wrong.map(({where, problems}) => `Redis at ${where} ${problems.join('; and it ')}.`).join(' ');
};

/** Resolves once the connection is ready: the API's connection has no offline queue, so a command sent earlier fails. */
export const redisReady = (redis: RedisClient): Promise<void> =>
	redis.status === 'ready' ? Promise.resolve() : new Promise((resolve) => redis.once('ready', () => resolve()));

/**
 * At a process's start: reads Redis's persistence and eviction settings once it answers and logs one warning line when
 * they can lose accepted renders. Says nothing when they are fine or cannot be read; never fails the start.
 */
export const warnIfRedisForgets = async ({redis, logger}: {redis: RedisClient; logger: Logger}): Promise<string | undefined> => {
	await redisReady(redis);
	const nodes = await readRedisDurability(redis);
	const warning = durabilityWarning(nodes);
	if (warning) logger.warn({redis: nodes?.filter(({problems}) => problems.length > 0).map(({where, settings}) => ({where, ...settings}))}, warning);
	return warning;
};
