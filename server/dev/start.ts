/**
 * `npm start`: everything a new user needs on one machine. Checks system packages, makes sure Redis answers (starting
 * one if needed), starts the API and one worker as child processes, renders the sample bill and keeps serving.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {createWriteStream, mkdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {loadConfig, orExitOnConfigError} from '../platform/config';
import {stopChild} from '../platform/processes';
import {ensureRedis} from './ensure-redis';
import {connectRedis} from '../platform/redis-connection';
import {durabilityWarning, readRedisDurability, redisReady} from '../platform/redis-durability';
import {portInUse} from './port-in-use';
import {claimStartLock} from './start-lock';
import {DEV_API_KEY, loadTenantRegistry} from '../tenants/tenant-registry';
import {videoPath} from '../renders/render-paths';
import {ensureSystemPackages, RENDER_PACKAGES} from '../platform/system-packages';
import {urlUnder} from '../platform/urls';

const root = resolve(import.meta.dirname, '../..');
const config = orExitOnConfigError(() => loadConfig());
// Read here too, so a bad tenants file stops npm start before it starts a Redis, not through its API's log.
orExitOnConfigError(() => loadTenantRegistry({file: config.tenantsFile, json: config.tenantsJson, production: config.production, devWebhook: config.devWebhook}));
const lock = claimStartLock(config.dataDir);
if (lock.status === 'held') {
	console.error(
		`Another npm start (pid ${lock.pid}) is already running with the data in ${config.dataDir}; it serves until Ctrl-C. Stop it first, or start this one with its own BILLCAST_DATA_DIR and PORT.`,
	);
	process.exit(1);
}
process.once('exit', () => lock.release());

// Before anything starts: a second `npm start` would otherwise print the first one's API as its own sample render, and
// its worker would join the queue, before its own API failed to listen.
if (await portInUse({host: config.host, port: config.port})) {
	console.error(
		`Port ${config.port} on ${config.host} is already in use, perhaps by an npm start still serving (it runs until Ctrl-C). Stop what holds it, or start on another port: PORT=${config.port + 1} npm start`,
	);
	process.exit(1);
}
const logsDir = join(config.dataDir, 'logs');
mkdirSync(logsDir, {recursive: true});
if (!config.browserExecutable) orExitOnConfigError(() => ensureSystemPackages({packages: RENDER_PACKAGES}));
const redis = await ensureRedis({url: config.redisUrl, dataDir: config.dataDir}).catch((error: unknown) => {
	// Each reason is one sentence saying what to change (REDIS_URL, a port that is taken); a stack adds nothing to it.
	console.error((error as Error).message);
	process.exit(1);
});
console.log(redis ? `Started Redis at ${redis.url} (data in ${join(config.dataDir, 'redis')})` : `Using Redis at ${config.redisUrl}`);
if (!redis) {
	// The API and worker log this too, but a developer watches this console: a Redis that forgets loses renders on restart.
	const client = connectRedis(config.redisUrl);
	await redisReady(client);
	const warning = durabilityWarning(await readRedisDurability(client));
	client.disconnect();
	if (warning) console.log(`Note: ${warning}`);
}

const children: ChildProcess[] = [];
const startChild = (name: string, script: string): ChildProcess => {
	const log = createWriteStream(join(logsDir, `${name}.log`), {flags: 'a'});
	const child = spawn(process.execPath, ['--import', 'tsx', join(root, script)], {
		cwd: root,
		env: {...process.env, REDIS_URL: redis?.url ?? config.redisUrl},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout?.pipe(log);
	child.stderr?.pipe(log);
	child.once('exit', (code, signal) => {
		if (!shuttingDown) {
			console.error(`\nThe ${name} stopped (${signal ?? `exit code ${code}`}); see ${join(logsDir, `${name}.log`)}`);
			void shutdown(1);
		}
	});
	children.push(child);
	return child;
};

let shuttingDown = false;
const shutdown = async (code: number) => {
	if (shuttingDown) return;
	shuttingDown = true;
	console.log('\nStopping...');
	// Redis last, and only here: it runs in its own process group, so the terminal's Ctrl-C reaches the API and worker
	// but not it, and they can still finish with it what they were doing.
	await Promise.all(children.map(stopChild));
	await redis?.stop();
	process.exit(code);
};
// `on`, not `once`: Ctrl-C reaches this process twice, from the terminal and relayed by the tsx wrapper, and a second
// signal with no handler left killed it before it stopped its Redis.
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

startChild('api', 'server/api/api-main.ts');
startChild('worker', 'server/worker/worker-main.ts');
console.log(`API and worker starting (logs in ${logsDir})`);

const api = `http://127.0.0.1:${config.port}`;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
for (let tries = 0; ; tries++) {
	const healthy = await fetch(urlUnder(api, 'healthz')).then((r) => r.ok, () => false);
	if (healthy) break;
	if (tries > 120) {
		console.error(`The API did not answer at ${api} within a minute; see ${join(logsDir, 'api.log')}`);
		await shutdown(1);
	}
	await sleep(500);
}

/** Posts the sample bill as the `dev` tenant, shows the render's progress and prints its links. */
const renderSample = async () => {
	const submitted = await fetch(urlUnder(api, 'v1', 'renders'), {
		method: 'POST',
		headers: {'content-type': 'application/json', authorization: `Bearer ${DEV_API_KEY}`},
		body: JSON.stringify({template: 'telco-bill', bill: sampleTelcoBill}),
	});
	const render = (await submitted.json()) as {id: string; links: {self: string; watch: string}; status: string};
	if (submitted.status !== 202) {
		console.error('The sample bill was refused:', render);
		await shutdown(1);
	}
	// A later start posts the same bill and gets the same render back, already made: say so instead of a 0 s render.
	if (render.status === 'completed') console.log(`The sample bill was rendered by an earlier start (render ${render.id}).`);
	else {
		console.log(`Rendering the sample bill (render ${render.id})...`);
		const bar = (progress: number) => {
			const width = 30;
			const filled = Math.round(progress * width);
			return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(progress * 100)}%`;
		};
		const started = Date.now();
		let lastDecile = -1;
		type RenderState = {status: string; progress: number; error?: {code: string; message: string}};
		const readState = async (): Promise<RenderState | undefined> => {
			try {
				const response = await fetch(urlUnder(api, 'v1', 'renders', render.id), {headers: {authorization: `Bearer ${DEV_API_KEY}`}});
				return (await response.json()) as RenderState;
			} catch {
				return undefined;
			}
		};
		for (;;) {
			const state = await readState();
			// Ctrl-C reaches the API too, so it may be gone before this loop notices; shutdown() is already under way then.
			if (!state) {
				if (shuttingDown) await new Promise(() => undefined);
				await sleep(500);
				continue;
			}
			const line = `  ${state.status.padEnd(9)} ${bar(state.progress)} ${((Date.now() - started) / 1000).toFixed(0)}s`;
			const decile = Math.floor(state.progress * 10);
			if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
			else if (decile !== lastDecile) console.log(line);
			lastDecile = decile;
			if (state.status === 'completed') break;
			if (state.status === 'failed') {
				console.error(`\nThe sample render failed: ${state.error?.code}: ${state.error?.message}`);
				console.error(`See ${join(logsDir, 'worker.log')}`);
				await shutdown(1);
			}
			await sleep(500);
		}
		if (process.stdout.isTTY) process.stdout.write('\n');
		console.log(`Rendered in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
	}
	console.log(`Sample video: ${config.storage.kind === 'local' ? videoPath(config.rendersDir, render.id) : `${render.links.self}/video.mp4`}`);
	// The status needs the API key, so a link a browser opens would only answer 401: print the request that works.
	console.log(`Status: curl -H 'authorization: Bearer ${DEV_API_KEY}' ${render.links.self}`);
	console.log(`Watch page: ${render.links.watch}`);
};

// A tenants file replaces the `dev` tenant, and it holds only digests of its keys: npm start has no key to post with.
if (config.tenantsFile || config.tenantsJson) {
	console.log(
		`Tenants come from ${config.tenantsFile ? 'BILLCAST_TENANTS_FILE' : 'BILLCAST_TENANTS_JSON'}, whose keys npm start does not know, so it renders no sample bill. Post one with a tenant's key: ${urlUnder(api, 'v1', 'renders')} (README, "The API"); API docs at ${urlUnder(api, 'docs')}.`,
	);
} else await renderSample();
console.log('Serving until Ctrl-C.');
