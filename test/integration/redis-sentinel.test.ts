import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {startRedisServer, type StartedRedis} from '../../server/dev/ensure-redis';
import {connectApiRedis, connectRedis} from '../../server/platform/redis-connection';
import {makeRenderQueue} from '../../server/renders/render-queue';
import {freePort} from '../helpers/free-port';

let dir: string;
let master: StartedRedis;
let sentinel: ChildProcess;
let sentinelPort: number;

/** A real Sentinel (Debian's redis-server in sentinel mode) watching a real master, both on loopback. */
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'billcast-sentinel-'));
	const masterPort = await freePort();
	master = await startRedisServer({port: masterPort, dir: join(dir, 'master')});
	sentinelPort = await freePort();
	const config = join(dir, 'sentinel.conf');
	await writeFile(config, `port ${sentinelPort}\nbind 127.0.0.1\ndir ${dir}\nsentinel monitor billcast-master 127.0.0.1 ${masterPort} 1\n`);
	sentinel = spawn('redis-server', [config, '--sentinel'], {stdio: ['ignore', 'ignore', 'inherit']});
	const knowsMaster = () =>
		spawnSync('redis-cli', ['-p', String(sentinelPort), 'sentinel', 'get-master-addr-by-name', 'billcast-master'], {encoding: 'utf8'}).stdout.includes(String(masterPort));
	// expect.poll needs a test; this is the file's set-up.
	await vi.waitFor(
		() => {
			if (!knowsMaster()) throw new Error('the sentinel never named its master');
		},
		{timeout: 15_000, interval: 100},
	);
});
afterAll(async () => {
	if (sentinel && sentinel.exitCode === null) {
		const exited = new Promise((resolve) => sentinel.once('exit', resolve));
		sentinel.kill('SIGTERM');
		await exited;
	}
	await master?.stop();
	if (dir) await rm(dir, {recursive: true, force: true});
});

describe('REDIS_URL naming a Sentinel', () => {
	it('reaches the master the sentinel names, for the worker, the API and the queue alike', async () => {
		const url = `redis+sentinel://127.0.0.1:${sentinelPort}/billcast-master`;
		const worker = connectRedis(url);
		const api = connectApiRedis(url);
		const queue = makeRenderQueue({connection: worker, queueName: 'sentinel-probe'});
		try {
			await worker.set('sentinel-probe', 'written through the sentinel');
			await expect.poll(() => api.get('sentinel-probe').catch(() => null), {timeout: 5_000}).toBe('written through the sentinel');
			await queue.enqueue('render-through-sentinel');
			expect(await queue.queue.getJobCountByTypes('waiting')).toBe(1);
			// The same key, read straight from the master: the sentinel led to it, not to some other server.
			const direct = connectRedis(master.url);
			expect(await direct.get('sentinel-probe')).toBe('written through the sentinel');
			direct.disconnect();
		} finally {
			await queue.close();
			worker.disconnect();
			api.disconnect();
		}
	});
});
