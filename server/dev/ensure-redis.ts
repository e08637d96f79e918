import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {Redis} from 'ioredis';
import {stopChild} from '../platform/processes';
import {ensureSystemPackages} from '../platform/system-packages';

export const pingRedis = async (url: string, timeoutMs = 1_500): Promise<boolean> => {
	const client = new Redis(url, {lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null});
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
		{stdio: ['ignore', 'ignore', 'inherit']},
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
	if (await pingRedis(url)) return undefined;
	const parsed = new URL(url);
	if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(parsed.hostname)) {
		throw new Error(`Redis at ${url} does not answer, and it is not on this machine, so billcast cannot start it.`);
	}
	ensureSystemPackages({packages: ['redis-server']});
	return startRedisServer({port: Number(parsed.port || 6379), dir: join(dataDir, 'redis')});
};
