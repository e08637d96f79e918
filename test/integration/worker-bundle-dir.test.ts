import {spawnSync} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {resolveBrowserExecutable} from '../../server/worker/browser-executable';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'worker-bundle-dir-'));
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

// The worker printed resolveServeUrl's ConfigError as an uncaught stack trace, where every other setting is one line.
it('stops a worker whose BILLCAST_BUNDLE_DIR holds no bundle with one line naming the variable, and exit code 1', () => {
	const empty = join(dir, 'empty');
	const worker = spawnSync(process.execPath, ['--import', 'tsx', 'server/worker/worker-main.ts'], {
		// Its own TMPDIR: the worker makes its tmp folder before it reads the bundle, and this test removes both.
		env: {...process.env, NODE_ENV: 'development', BILLCAST_BUNDLE_DIR: empty, TMPDIR: dir, REMOTION_BROWSER_EXECUTABLE: resolveBrowserExecutable(undefined)!},
		encoding: 'utf8',
		timeout: 60_000,
	});
	expect(worker.status, worker.stderr).toBe(1);
	expect(worker.stderr.trim().split('\n')).toEqual([
		`BILLCAST_BUNDLE_DIR=${empty} holds no bundle (no index.html): run \`npm run build\` first (the image's build step)`,
	]);
});
