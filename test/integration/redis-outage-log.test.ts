import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, expect, it, vi} from 'vitest';
import {startRedisServer, type StartedRedis} from '../../server/dev/ensure-redis';
import {makeLogger} from '../../server/platform/logger';
import {connectRedis} from '../../server/platform/redis-connection';
import {watchRedisOutage} from '../../server/platform/redis-outage';
import {makePosterQueue} from '../../server/renders/on-demand-poster-queue';
import {makeRenderQueue} from '../../server/renders/render-queue';
import {freePort} from '../helpers/free-port';

let dir: string | undefined;
let redis: StartedRedis | undefined;
afterAll(async () => {
	vi.restoreAllMocks();
	await redis?.stop();
	if (dir) await rm(dir, {recursive: true, force: true});
});

// A 10 s outage wrote 383 lines to the worker's log, 158 of them multi-line ECONNREFUSED dumps that were not JSON:
// BullMQ prints the errors of a queue with no listener, and every queue and worker repeated every failed reconnect.
it('a Redis outage is told in a few JSON lines naming the URL: unreachable, then reconnected', async () => {
	dir = await mkdtemp(join(tmpdir(), 'outage-log-'));
	const port = await freePort();
	redis = await startRedisServer({port, dir: join(dir, 'redis')});
	const lines: string[] = [];
	const logger = makeLogger({service: 'worker', destination: {write: (line: string) => void lines.push(line)}});
	const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
	const connection = connectRedis(redis.url);
	watchRedisOutage({redis: connection, url: redis.url, logger});
	const queues = [makeRenderQueue({connection, queueName: 'outage-log'}), makePosterQueue({connection, renderQueueName: 'outage-log'})];
	let failures = 0;
	connection.on('error', () => failures++);
	await queues[0]!.queue.getJobCounts();

	await redis.stop();
	// Every failed reconnect is an error of the connection and of each queue on it.
	await expect.poll(() => failures, {timeout: 30_000}).toBeGreaterThanOrEqual(8);
	redis = await startRedisServer({port, dir: join(dir, 'redis')});
	await expect.poll(() => lines.join(''), {timeout: 30_000}).toContain('reconnected');
	await Promise.all(queues.map((queue) => queue.close()));
	connection.disconnect();

	expect(printed).not.toHaveBeenCalled();
	const messages = lines.map((line) => JSON.parse(line).msg as string);
	expect(messages).toEqual([`Redis at ${redis.url} is unreachable (connect ECONNREFUSED 127.0.0.1:${port}); retrying`, `Redis at ${redis.url} reconnected`]);
});
