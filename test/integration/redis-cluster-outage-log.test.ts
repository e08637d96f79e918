import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {Worker} from 'bullmq';
import {afterAll, expect, it, vi} from 'vitest';
import {makeLogger} from '../../server/platform/logger';
import {stopChild} from '../../server/platform/processes';
import {connectRedis, KEY_TAG} from '../../server/platform/redis-connection';
import {logQueueErrors, watchRedisOutage} from '../../server/platform/redis-outage';
import {makePosterQueue} from '../../server/renders/on-demand-poster-queue';
import {makeRenderQueue} from '../../server/renders/render-queue';
import {startRedisCluster, type StartedCluster} from '../helpers/redis-cluster';

const cli = (port: number, ...args: string[]) => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], {encoding: 'utf8'}).stdout.trim();

/** A node's command line, read back from the node, so it can be started again on its own cluster configuration. */
const argsOf = (port: number): string[] => {
	const setting = (name: string) => cli(port, 'config', 'get', name).split('\n')[1] ?? '';
	return [
		'--port', String(port), '--cluster-port', setting('cluster-port'), '--bind', '127.0.0.1', '--cluster-enabled', 'yes',
		'--cluster-config-file', setting('cluster-config-file'), '--dir', setting('dir'), '--save', '', '--appendonly', 'no',
	];
};

let cluster: StartedCluster | undefined;
const restarted: ChildProcess[] = [];
afterAll(async () => {
	vi.restoreAllMocks();
	await Promise.all(restarted.map(stopChild));
	await cluster?.stop();
});

// The audit: in a 25 s cluster outage each worker wrote 1,190 to 1,429 error lines ("Failed to refresh slots cache",
// "Connection is closed", "LOADING") and the API 24 per queue, where a single Redis's outage is told in three.
it('a Redis Cluster outage is told in the same few lines as a single Redis: unreachable, then reconnected', async () => {
	cluster = await startRedisCluster();
	const lines: string[] = [];
	const logger = makeLogger({service: 'worker', destination: {write: (line: string) => void lines.push(line)}});
	const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
	const connection = connectRedis(cluster.url);
	watchRedisOutage({redis: connection, url: cluster.url, logger});
	const render = makeRenderQueue({connection, queueName: 'cluster-outage-log'});
	const poster = makePosterQueue({connection, renderQueueName: 'cluster-outage-log'});
	const worker = new Worker('cluster-outage-log', async () => undefined, {connection, prefix: KEY_TAG});
	logQueueErrors(worker, connection, 'render worker');
	let errors = 0;
	const reporters: Array<{on(event: 'error', listener: () => void): unknown}> = [connection, render.queue, poster.queue, worker];
	for (const reporter of reporters) reporter.on('error', () => errors++);
	await render.queue.getJobCounts();
	await worker.waitUntilReady();

	const nodes = cluster.ports.map((port) => ({port, args: argsOf(port)}));
	for (const {port} of nodes) cli(port, 'shutdown', 'nosave');
	// Every failed slots refresh is an error of the connection, and each queue and worker repeats them.
	await expect.poll(() => errors, {timeout: 30_000}).toBeGreaterThanOrEqual(40);
	for (const {args} of nodes) restarted.push(spawn('redis-server', args, {stdio: 'ignore'}));
	await expect.poll(() => lines.join(''), {timeout: 30_000}).toContain('reconnected');
	await worker.close(true);
	await Promise.all([render.close(), poster.close()]);
	connection.disconnect();

	expect(printed).not.toHaveBeenCalled();
	const messages = lines.map((line) => JSON.parse(line).msg as string);
	expect(messages).toEqual([expect.stringMatching(new RegExp(`^Redis at ${cluster.url.replaceAll('+', '\\+')} is unreachable \\(.+\\); retrying$`)), `Redis at ${cluster.url} reconnected`]);
});
