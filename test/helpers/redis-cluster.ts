import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {stopChild} from '../../server/platform/processes';
import {freePort} from './free-port';

export interface StartedCluster {
	/** `redis+cluster://…` naming every master, as REDIS_URL takes it. */
	readonly url: string;
	readonly ports: readonly number[];
	stop(): Promise<void>;
}

const cli = (port: number, ...args: string[]) => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], {encoding: 'utf8'});

/**
 * A real Redis Cluster of three masters on loopback (Debian's redis-server in cluster mode, no persistence), joined by
 * `redis-cli --cluster create` and waited for until every node says `cluster_state:ok`. Each node's bus port is chosen
 * too: the default (port + 10000) can fall outside the port range for the high ports the system hands out.
 */
export const startRedisCluster = async (): Promise<StartedCluster> => {
	const dir = await mkdtemp(join(tmpdir(), 'billcast-cluster-'));
	const nodes: Array<{port: number; bus: number}> = [];
	for (let index = 0; index < 3; index++) nodes.push({port: await freePort(), bus: await freePort()});
	const children: ChildProcess[] = nodes.map(({port, bus}) =>
		spawn(
			'redis-server',
			[
				'--port', String(port), '--cluster-port', String(bus), '--bind', '127.0.0.1', '--cluster-enabled', 'yes',
				'--cluster-config-file', join(dir, `nodes-${port}.conf`), '--dir', dir, '--save', '', '--appendonly', 'no',
			],
			{stdio: ['ignore', 'ignore', 'inherit']},
		),
	);
	const stop = async () => {
		await Promise.all(children.map(stopChild));
		await rm(dir, {recursive: true, force: true});
	};
	const until = async (what: string, ready: () => boolean, timeoutMs = 20_000) => {
		const deadline = Date.now() + timeoutMs;
		while (!ready()) {
			if (Date.now() > deadline) {
				await stop();
				throw new Error(`Redis Cluster: ${what} within ${timeoutMs} ms`);
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	};
	try {
		await until('every node answers', () => nodes.every(({port}) => cli(port, 'ping').stdout.trim() === 'PONG'));
		const created = spawnSync('redis-cli', ['--cluster', 'create', ...nodes.map(({port}) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'], {
			encoding: 'utf8',
		});
		if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
		await until('cluster_state:ok on every node', () => nodes.every(({port}) => cli(port, 'cluster', 'info').stdout.includes('cluster_state:ok')));
	} catch (error) {
		await stop();
		throw error;
	}
	return {url: `redis+cluster://${nodes.map(({port}) => `127.0.0.1:${port}`).join(',')}`, ports: nodes.map(({port}) => port), stop};
};
