import {spawn, type ChildProcess} from 'node:child_process';
import {join} from 'node:path';
import {startRedisServer} from '../server/dev/ensure-redis';
import {freePort} from '../test/helpers/free-port';

/** A child process's start-up, known by a line it prints. */
const started = (child: ChildProcess, line: string) =>
	new Promise<void>((ready, fail) => {
		child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes(line) && ready());
		child.once('exit', (code) => fail(new Error(`${child.spawnargs.at(-1)} exited with ${code}`)));
	});

/**
 * A private Redis, then an API and a worker process as the README starts them, sharing it and the prebuilt bundle:
 * what a bench measures against. Resolves once both say they are ready; `stop` ends all three.
 */
export const startServiceProcesses = async ({
	name,
	dir,
	root,
	bundleDir,
	browserExecutable,
	env: extraEnv = {},
}: {
	/** Names the queue and the folders under `dir`. */
	name: string;
	dir: string;
	root: string;
	bundleDir: string;
	browserExecutable: string;
	env?: Record<string, string>;
}) => {
	const redis = await startRedisServer({port: await freePort(), dir: join(dir, `${name}-redis`)});
	const port = await freePort();
	const env = {
		...process.env,
		PORT: String(port),
		REDIS_URL: redis.url,
		BILLCAST_QUEUE: `bench-${name}-${Date.now()}`,
		BILLCAST_DATA_DIR: join(dir, `${name}-data`),
		BILLCAST_BUNDLE_DIR: bundleDir,
		REMOTION_BROWSER_EXECUTABLE: browserExecutable,
		...extraEnv,
	};
	const api = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/api/api-main.ts')], {cwd: root, env, stdio: ['ignore', 'pipe', 'inherit']});
	const worker = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/worker/worker-main.ts')], {cwd: root, env, stdio: ['ignore', 'pipe', 'inherit']});
	const stop = async () => {
		api.kill('SIGTERM');
		worker.kill('SIGTERM');
		await Promise.all([api, worker].map((child) => (child.exitCode === null ? new Promise((done) => child.once('exit', done)) : undefined)));
		await redis.stop();
	};
	try {
		await Promise.all([started(api, 'listening'), started(worker, 'worker ready')]);
	} catch (error) {
		await stop();
		throw error;
	}
	const base = `http://127.0.0.1:${port}`;
	return {
		base,
		stop,
		/** A link the API wrote (on PUBLIC_BASE_URL, localhost by default), pointed at where this API listens. */
		local: (url: string) => url.replace(/^https?:\/\/[^/]+/, base),
	};
};
