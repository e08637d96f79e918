import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {ConfigError} from '../platform/errors';
import {stopChild} from '../platform/processes';
import {connectProbe, redisUrlSchema, type RedisTarget} from '../platform/redis-connection';
import {ensureSystemPackages} from '../platform/system-packages';

/** Whether Redis answers a PING at `url`, in any form REDIS_URL takes (one server, Sentinel, a cluster). */
export const pingRedis = async (url: string, timeoutMs = 1_500): Promise<boolean> => {
	const client = connectProbe(url, timeoutMs);
	client.on('error', () => undefined);
	try {
		await client.connect();
		return (await client.ping()) === 'PONG';
	} catch {
		return false;
	} finally {
		client.disconnect();
	}
};

/**
 * What `npm start` may do about a Redis that does not answer: start one here only when REDIS_URL names a plain
 * `redis://` server on this machine, the one layout a local redis-server is sure to be. Sentinel groups and clusters
 * are several servers billcast does not run, and `rediss://` asks for TLS, which the Redis started here does not speak.
 */
export type AbsentRedis = {readonly status: 'start-here'; readonly port: number} | {readonly status: 'not-ours'; readonly why: string};

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '::1', '[::1]'];

export const absentRedis = (target: RedisTarget): AbsentRedis => {
	const hosts = (list: ReadonlyArray<{host: string; port: number}>) => list.map(({host, port}) => `${host}:${port}`).join(',');
	switch (target.kind) {
		case 'sentinel':
			return {status: 'not-ours', why: `the Sentinel group at ${hosts(target.sentinels)} (master "${target.name}")`};
		case 'cluster':
			return {status: 'not-ours', why: `the Redis Cluster at ${hosts(target.nodes)}`};
		case 'single': {
			// Only host and port are named: the URL may hold a password.
			const {protocol, hostname, host, port} = new URL(target.url);
			if (protocol === 'rediss:') return {status: 'not-ours', why: `the TLS Redis at ${host}`};
			if (!LOCAL_HOSTS.includes(hostname)) return {status: 'not-ours', why: `the Redis at ${host}, not on this machine`};
			return {status: 'start-here', port: Number(port || 6379)};
		}
	}
};

export interface StartedRedis {
	readonly url: string;
	stop(): Promise<void>;
}

/**
 * Starts a private redis-server: append-only file on (jobs survive a restart) and noeviction (BullMQ must never lose
 * keys to memory pressure), data under `dir`.
 */
export const startRedisServer = async ({port, dir}: {port: number; dir: string}): Promise<StartedRedis> => {
	mkdirSync(dir, {recursive: true});
	const child: ChildProcess = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--dir', dir, '--save', ''],
		// Its own process group: a terminal's Ctrl-C signals the whole foreground group, and a Redis stopped with the API
		// and worker left the worker's shutdown waiting on it; npm start stops it itself, after them.
		{stdio: ['ignore', 'ignore', 'inherit'], detached: true},
	);
	const url = `redis://127.0.0.1:${port}`;
	for (let tries = 0; tries < 100; tries++) {
		if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode} (is port ${port} taken?)`);
		if (await pingRedis(url, 300)) {
			return {
				url,
				stop: () => stopChild(child),
			};
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	child.kill('SIGKILL');
	throw new Error('redis-server did not answer within 10 seconds');
};

/** The configured Redis when it answers; otherwise a project-started one on the URL's port (installed if needed). */
export const ensureRedis = async ({url, dataDir}: {url: string; dataDir: string}): Promise<StartedRedis | undefined> => {
	const target = redisUrlSchema.safeParse(url);
	if (!target.success) throw new ConfigError(`REDIS_URL: ${target.error.issues.map((issue) => issue.message).join('; ')}`);
	if (await pingRedis(url)) return undefined;
	const absent = absentRedis(target.data);
	if (absent.status === 'not-ours') {
		throw new ConfigError(`REDIS_URL names ${absent.why}, which does not answer; npm start starts a Redis only for a redis:// URL on this machine. Start it, or point REDIS_URL at a Redis that answers.`);
	}
	ensureSystemPackages({packages: ['redis-server']});
	return startRedisServer({port: absent.port, dir: join(dataDir, 'redis')});
};
