import {spawn, type ChildProcess} from 'node:child_process';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {hashApiKey} from '../../server/tenants/tenant-registry';
import {PLAYER_BUNDLE} from '../../server/watch/player-bundle';
import {resolveBrowserExecutable} from '../../server/worker/browser-executable';
import {freePort} from '../helpers/free-port';

// The Dockerfile's build step is `npm run build`; no image can be built here, so this runs that script as CI does and
// starts production processes on what it made.
const root = resolve(import.meta.dirname, '../..');

/** Every source file with its modification time: the build must leave the source tree exactly as it found it. */
const sourceTree = (): Record<string, number> =>
	Object.fromEntries(
		['public', 'compositions', 'src'].flatMap((dir) =>
			readdirSync(join(root, dir), {recursive: true, withFileTypes: true})
				.filter((entry) => entry.isFile())
				.map((entry) => join(entry.parentPath, entry.name))
				.map((file) => [file, statSync(file).mtimeMs]),
		),
	);

interface Run {
	readonly child: ChildProcess;
	readonly output: () => string;
	readonly exited: Promise<number | null>;
}
const run = (args: string[], env: Record<string, string> = {}): Run => {
	let output = '';
	const child = spawn(process.execPath, ['--import', 'tsx', ...args], {cwd: root, env: {PATH: process.env.PATH!, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
	return {child, output: () => output, exited};
};

let work: string;
let built: Run;
let before: Record<string, number>;
beforeAll(async () => {
	work = await mkdtemp(join(tmpdir(), 'billcast-build-'));
	before = sourceTree();
	built = run(['scripts/build.ts', `--out=${join(work, 'build')}`]);
	expect(await built.exited, built.output()).toBe(0);
});
afterAll(() => rm(work, {recursive: true, force: true}));

const production = (dataDir: string): Record<string, string> => ({
	NODE_ENV: 'production',
	PUBLIC_BASE_URL: 'https://bills.acme.example',
	REDIS_URL: inject('redisUrl'),
	BILLCAST_DATA_DIR: dataDir,
	BILLCAST_WATCH_SECRET: 'w'.repeat(32),
	BILLCAST_TENANTS_JSON: JSON.stringify([{id: 'acme', name: 'Acme', apiKeySha256: [hashApiKey('acme-key')], allowedPayHosts: ['pay.acme.example']}]),
	BILLCAST_QUEUE: `build-test-${Date.now()}`,
	BILLCAST_WORKER_METRICS_PORT: '0',
	REMOTION_BROWSER_EXECUTABLE: resolveBrowserExecutable(undefined)!,
});

describe('npm run build, the image build step', () => {
	it('writes the player and the compositions bundle into its output folder, and nothing into the sources', () => {
		expect(statSync(join(work, 'build/player/billcast-player.js')).size).toBeGreaterThan(100_000);
		expect(readFileSync(join(work, 'build/bundle/index.html'), 'utf8')).toContain('<html');
		expect(sourceTree()).toEqual(before);
	});

	it('gives a production worker the bundle it starts from, and stops one that has none', async () => {
		const worker = run(['server/worker/worker-main.ts'], {...production(join(work, 'worker')), BILLCAST_BUNDLE_DIR: join(work, 'build/bundle')});
		await expect.poll(worker.output, {timeout: 120_000, interval: 250}).toContain('billcast worker ready');
		expect(worker.output()).toContain(`"serveUrl":"${join(work, 'build/bundle')}"`);
		worker.child.kill('SIGTERM');
		expect(await worker.exited, worker.output()).toBe(0);

		const unbuilt = run(['server/worker/worker-main.ts'], {...production(join(work, 'unbuilt')), BILLCAST_BUNDLE_DIR: join(work, 'empty')});
		expect(await unbuilt.exited).not.toBe(0);
		expect(unbuilt.output()).toMatch(/BILLCAST_BUNDLE_DIR=.*empty holds no bundle \(no index\.html\): run `npm run build` first/);
	});

	it('serves a production API the built player as it is, and stops one started without PUBLIC_BASE_URL', async () => {
		// The suite's set-up ran the same build into build/, the folder the API serves the player from.
		const port = await freePort();
		const api = run(['server/api/api-main.ts'], {...production(join(work, 'api')), PORT: String(port)});
		try {
			await expect.poll(() => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0), {timeout: 60_000}).toBe(200);
			const script = await fetch(`http://127.0.0.1:${port}/player/billcast-player.js`, {headers: {'accept-encoding': 'identity'}});
			expect(script.status).toBe(200);
			expect(Buffer.from(await script.arrayBuffer()).equals(readFileSync(PLAYER_BUNDLE))).toBe(true);
		} finally {
			api.child.kill('SIGTERM');
			await api.exited;
		}

		const {PUBLIC_BASE_URL: _, ...withoutBaseUrl} = production(join(work, 'api'));
		const misconfigured = run(['server/api/api-main.ts'], {...withoutBaseUrl, PORT: String(port)});
		expect(await misconfigured.exited).not.toBe(0);
		expect(misconfigured.output()).toContain('PUBLIC_BASE_URL: must be set in production');
	});
});
