import {spawn} from 'node:child_process';
import {randomBytes, randomUUID} from 'node:crypto';
import {closeSync, openSync, readFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, expect, inject, it} from 'vitest';
import {freePort} from '../helpers/free-port';

const root = join(import.meta.dirname, '..', '..');

/** Whether any process of the group is left: signal 0 tests without sending. */
const groupAlive = (groupId: number): boolean => {
	try {
		process.kill(-groupId, 0);
		return true;
	} catch {
		return false;
	}
};

const groups: number[] = [];
const folders: string[] = [];
afterEach(async () => {
	for (const group of groups.splice(0)) if (groupAlive(group)) process.kill(-group, 'SIGKILL');
	await Promise.all(folders.splice(0).map((folder) => rm(folder, {recursive: true, force: true})));
});

/**
 * An operator stops `npm run api` or `npm run worker` with SIGTERM to npm (a process manager, `kill`). npm passes it to
 * the shell it ran the script in; a shell that forks node instead of becoming it dies and leaves node serving the port.
 */
it.each([
	['api', 'billcast API listening'],
	['worker', 'billcast worker ready'],
])('SIGTERM to `npm run %s` stops every process it started', async (script, ready) => {
	const dataDir = await mkdtemp(join(tmpdir(), `billcast-npm-${script}-`));
	folders.push(dataDir);
	const logFile = join(dataDir, 'out.log');
	const out = openSync(logFile, 'a');
	const child = spawn('npm', ['run', script], {
		cwd: root,
		detached: true,
		stdio: ['ignore', out, out],
		env: {
			...process.env,
			NODE_ENV: 'development',
			REDIS_URL: inject('redisUrl'),
			BILLCAST_QUEUE: `npm-signal-${randomUUID().slice(0, 8)}`,
			BILLCAST_BUNDLE_DIR: inject('serveUrl'),
			BILLCAST_WATCH_SECRET: randomBytes(32).toString('base64url'),
			BILLCAST_WORKER_METRICS_PORT: '0',
			BILLCAST_LOG_LEVEL: 'info',
			BILLCAST_DATA_DIR: dataDir,
			PORT: String(await freePort()),
		},
	});
	closeSync(out);
	const group = child.pid!;
	groups.push(group);
	await expect.poll(() => readFileSync(logFile, 'utf8'), {timeout: 120_000, interval: 250}).toContain(ready);

	process.kill(group, 'SIGTERM');

	await expect.poll(() => groupAlive(group), {timeout: 30_000, interval: 250}).toBe(false);
	expect(readFileSync(logFile, 'utf8')).not.toMatch(/"level":(50|60)/);
});
