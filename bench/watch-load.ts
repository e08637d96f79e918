/**
 * `npx tsx bench/watch-load.ts`: 200 concurrent viewers on one watch page, against a real API process with
 * `npm start`'s configuration, a private Redis and 127.0.0.1 only. Prints, per route a viewer's browser asks for
 * (the page, the player's data, the player script, a bare health check as the floor), requests per second, latency,
 * errors and client time-outs, and the API's memory idle, at its peak and after the load (after a full collection,
 * polled until RSS settles): RSS beside V8's heap and the buffers outside it, to tell which one holds what the load took.
 * BENCH_NODE_FLAGS adds flags to the API's node (e.g. `--max-semi-space-size=4`) to compare settings.
 */
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {createWriteStream, readFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import autocannon from 'autocannon';
import {startRedisServer} from '../server/dev/ensure-redis';
import {sampleTelcoBill} from '../src/templates/telco-bill/sample-telco-bill';
import {freePort} from '../test/helpers/free-port';
import type {MemoryProbeRequest} from './memory-probe';
import {processMemory} from './process-memory';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const root = resolve(import.meta.dirname, '..');
const dir = await mkdtemp(join(tmpdir(), 'billcast-watch-load-'));
const redis = await startRedisServer({port: await freePort(), dir});
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// BENCH_CPU_PROF=<dir> writes the API's CPU profile there when it exits, to see where a route's time goes.
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF)}`] : [];
const only = process.env.BENCH_ONLY;
const extraFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const probe = ['--expose-gc', '--import', join(root, 'bench/memory-probe.ts')];
const api = spawn(process.execPath, [...profile, ...extraFlags, '--import', 'tsx', ...probe, join(root, 'server/api/api-main.ts')], {
	cwd: root,
	env: {...process.env, PORT: String(port), REDIS_URL: redis.url, BILLCAST_DATA_DIR: join(dir, '.data'), PUBLIC_BASE_URL: base},
	stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
});
const log = createWriteStream(join(dir, 'api.log'));
api.stdout!.pipe(log);
api.stderr!.pipe(log);

/** CPU seconds the API has used (user + system), from /proc: a figure the other processes on the machine do not skew. */
const cpuSeconds = (): number => {
	const fields = readFileSync(`/proc/${api.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const rss = () => processMemory(api.pid!).rssMiB;
const mib = (bytes: number) => bytes / 2 ** 20;
/** Non-2xx answers by status ("503×110"), so a refusal under load is told from a failure. */
const nonOk = (result: autocannon.Result): string =>
	Object.entries(result.statusCodeStats ?? {})
		.filter(([status]) => !status.startsWith('2'))
		.map(([status, {count = 0}]) => `${status}×${count}`)
		.join(' ') || '0';

/** The API's own view of its memory, after a full collection when `collect`; one answer serves every caller waiting. */
const waiting: ((usage: NodeJS.MemoryUsage) => void)[] = [];
api.on('message', (message: {probe?: string; usage: NodeJS.MemoryUsage}) => {
	if (message?.probe === 'memory') waiting.shift()?.(message.usage);
});
const apiMemory = (collect: boolean): Promise<NodeJS.MemoryUsage> =>
	new Promise((done) => {
		waiting.push(done);
		api.send({probe: 'memory', collect} satisfies MemoryProbeRequest);
	});

/** Collects, then reads RSS until two readings 500 ms apart differ by under 1 MiB (at most 10 s): what the process keeps. */
const settled = async (): Promise<NodeJS.MemoryUsage> => {
	let last = await apiMemory(true);
	for (let tries = 0; tries < 20; tries++) {
		await sleep(500);
		const now = await apiMemory(true);
		if (Math.abs(mib(now.rss - last.rss)) < 1) return now;
		last = now;
	}
	return last;
};

const describe = (label: string, usage: NodeJS.MemoryUsage) =>
	`${label}: RSS ${mib(usage.rss).toFixed(0)} MiB, V8 heap ${mib(usage.heapUsed).toFixed(0)} used / ${mib(usage.heapTotal).toFixed(0)} reserved, ` +
	`external ${mib(usage.external).toFixed(0)} (array buffers ${mib(usage.arrayBuffers).toFixed(0)})`;

try {
	for (let tries = 0; ; tries++) {
		if ((await fetch(`${base}/healthz`).catch(() => undefined))?.ok) break;
		if (tries > 200) throw new Error('the API did not start');
		await sleep(100);
	}
	// /healthz answers before the API's Redis connection is ready; until then a render is refused with a 503.
	const create = () =>
		fetch(`${base}/v1/renders`, {
			method: 'POST',
			headers: {'content-type': 'application/json', authorization: 'Bearer bc_dev_local_only'},
			body: JSON.stringify({template: 'telco-bill', bill: sampleTelcoBill}),
		});
	let created = await create();
	for (let tries = 0; created.status === 503 && tries < 50; tries++) {
		await sleep(100);
		created = await create();
	}
	if (!created.ok) throw new Error(`the render was refused: ${created.status} ${await created.text()}`);
	const {links} = (await created.json()) as {links: {watch: string}};
	const page = await (await fetch(links.watch)).text();
	const script = /<script nonce="[^"]+" src="([^"]+)"/.exec(page)?.[1] ?? '/player/billcast-player.js';
	const token = links.watch.split('/w/')[1]!;
	const targets = [
		['GET /healthz (floor)', `${base}/healthz`, {}],
		['GET /w/:token (page)', links.watch, {'accept-encoding': 'gzip, br'}],
		['GET /v1/watch/:token (data)', `${base}/v1/watch/${token}`, {'accept-encoding': 'gzip, br'}],
		['GET player script', `${base}${script}`, {'accept-encoding': 'gzip, br'}],
	] as const;
	// Warm up: the first requests build the player script and fill caches; a viewer arriving later never pays for that.
	for (const [, url, headers] of targets) await (await fetch(url, {headers})).arrayBuffer();
	const idleUsage = await settled();
	const idle = mib(idleUsage.rss);
	console.log(`${CONNECTIONS} connections, ${SECONDS} s each${extraFlags.length ? `; API flags ${extraFlags.join(' ')}` : ''}`);
	console.log(describe('API idle', idleUsage));
	console.log('route | req/s | API CPU ms/req | p50 ms | p99 ms | max ms | 2xx | non-2xx | errors | time-outs | peak RSS MiB');
	let peak = idle;
	let peakHeap = mib(idleUsage.heapTotal);
	for (const [name, url, headers] of targets.filter(([name]) => !only || name.includes(only))) {
		const sampler = setInterval(() => {
			peak = Math.max(peak, rss());
			void apiMemory(false).then((usage) => (peakHeap = Math.max(peakHeap, mib(usage.heapTotal))));
		}, 200);
		const cpuBefore = cpuSeconds();
		const result = await autocannon({url, connections: CONNECTIONS, duration: SECONDS, headers: {...headers}, timeout: 10});
		const cpuMsPerRequest = ((cpuSeconds() - cpuBefore) * 1000) / Math.max(1, result['2xx'] + result.non2xx);
		clearInterval(sampler);
		console.log(
			[name, result.requests.average.toFixed(0), cpuMsPerRequest.toFixed(2), result.latency.p50, result.latency.p99, result.latency.max, result['2xx'], nonOk(result), result.errors, result.timeouts, peak.toFixed(0)].join(' | '),
		);
	}
	console.log(`API peak: RSS ${peak.toFixed(0)} MiB, V8 heap ${peakHeap.toFixed(0)} reserved`);
	const after = await settled();
	console.log(describe('API after load', after));
	console.log(`API RSS idle → peak → after: ${idle.toFixed(0)} → ${peak.toFixed(0)} → ${mib(after.rss).toFixed(0)} MiB`);
} finally {
	api.kill('SIGTERM');
	await once(api, 'exit').catch(() => undefined);
	await redis.stop();
	await rm(dir, {recursive: true, force: true});
}
