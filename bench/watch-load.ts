/**
 * `npx tsx bench/watch-load.ts`: 200 concurrent viewers on one watch page, against a real API process with
 * `npm start`'s configuration, a private Redis and 127.0.0.1 only. Prints, per route a viewer's browser asks for
 * (the page, the player's data, the player script, a bare health check as the floor), requests per second, latency,
 * errors and client time-outs, and the API's RSS before, at its peak and after it settles.
 */
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {createWriteStream, readFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import autocannon from 'autocannon';
import {startRedisServer} from '../server/dev/ensure-redis';
import {sampleTelcoBill} from '../src/sample-telco-bill';
import {freePort} from '../test/helpers/free-port';
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
const api = spawn(process.execPath, [...profile, '--import', 'tsx', join(root, 'server/api/api-main.ts')], {
	cwd: root,
	env: {...process.env, PORT: String(port), REDIS_URL: redis.url, BILLCAST_DATA_DIR: join(dir, '.data'), PUBLIC_BASE_URL: base},
	stdio: ['ignore', 'pipe', 'pipe'],
});
const log = createWriteStream(join(dir, 'api.log'));
api.stdout.pipe(log);
api.stderr.pipe(log);

/** CPU seconds the API has used (user + system), from /proc: a figure the other processes on the machine do not skew. */
const cpuSeconds = (): number => {
	const fields = readFileSync(`/proc/${api.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const rss = () => processMemory(api.pid!).rssMiB;

try {
	for (let tries = 0; ; tries++) {
		if ((await fetch(`${base}/healthz`).catch(() => undefined))?.ok) break;
		if (tries > 200) throw new Error('the API did not start');
		await sleep(100);
	}
	const created = await fetch(`${base}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', authorization: 'Bearer bc_dev_local_only'},
		body: JSON.stringify({template: 'telco-bill', bill: sampleTelcoBill}),
	});
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
	const idle = rss();
	console.log(`${CONNECTIONS} connections, ${SECONDS} s each; API RSS idle ${idle.toFixed(0)} MiB`);
	console.log('route | req/s | API CPU ms/req | p50 ms | p99 ms | max ms | 2xx | non-2xx | errors | time-outs | peak RSS MiB');
	let peak = idle;
	for (const [name, url, headers] of targets.filter(([name]) => !only || name.includes(only))) {
		const sampler = setInterval(() => (peak = Math.max(peak, rss())), 200);
		const cpuBefore = cpuSeconds();
		const result = await autocannon({url, connections: CONNECTIONS, duration: SECONDS, headers: {...headers}, timeout: 10});
		const cpuMsPerRequest = ((cpuSeconds() - cpuBefore) * 1000) / Math.max(1, result['2xx'] + result.non2xx);
		clearInterval(sampler);
		console.log(
			[name, result.requests.average.toFixed(0), cpuMsPerRequest.toFixed(2), result.latency.p50, result.latency.p99, result.latency.max, result['2xx'], result.non2xx, result.errors, result.timeouts, peak.toFixed(0)].join(' | '),
		);
	}
	// Let the collector return what the load used, then read RSS again.
	let after = rss();
	for (let tries = 0; tries < 40; tries++) {
		await sleep(250);
		const now = rss();
		if (Math.abs(now - after) < 1) break;
		after = now;
	}
	console.log(`API RSS after: ${after.toFixed(0)} MiB (idle ${idle.toFixed(0)}, peak ${peak.toFixed(0)})`);
} finally {
	api.kill('SIGTERM');
	await once(api, 'exit').catch(() => undefined);
	await redis.stop();
	await rm(dir, {recursive: true, force: true});
}
