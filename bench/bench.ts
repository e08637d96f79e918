/**
 * `npm run bench`: billcast's queue and worker against the naive way (one `npx remotion render` per customer) and
 * against a render server a Remotion team would write without billcast (`bench/remotion-peer.ts`), on the same machine
 * and browser. Options: --customers 6 --runs 1 --scale 1 --skip-naive --skip-peer; --soak [renders] for worker memory
 * over consecutive renders; --ingest [bills] for queueing a billing cycle; --cycle [bills] for the time until every customer of an on-demand cycle has a working watch link and poster; --events [n] for viewer events per second; --redis-bytes [bills] for Redis memory per queued bill; --voice for narration synthesis CPU per engine and render time with sound against without; --voice-latency [bills] for the time from POST to a speaking watch link. Results print as a table and are written as
 * JSON to bench/results/.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {parseArgs} from 'node:util';
import {QueueEvents} from 'bullmq';
import {computeRenderInput} from '../src/render-input';
import {resolveBrowserExecutable} from '../server/worker/browser-executable';
import {ensureRedis} from '../server/dev/ensure-redis';
import {connectRedis, KEY_TAG} from '../server/platform/redis-connection';
import {makeRenderQueue} from '../server/renders/render-queue';
import {makeRenderStore} from '../server/renders/render-store';
import {benchCustomers} from './bench-customers';
import {measureCycle} from './cycle';
import {measureIngest} from './ingest';
import {measureRedisBytes} from './redis-bytes';
import {processMemory} from './process-memory';
import {measureViewerEvents} from './viewer-events';
import {measureVoiceSynthesis} from './voice';
import {measureVoiceLatency} from './voice-latency';

const root = resolve(import.meta.dirname, '..');
const {values: options} = parseArgs({
	options: {
		customers: {type: 'string', default: '6'},
		runs: {type: 'string', default: '1'},
		scale: {type: 'string', default: '1'},
		'skip-naive': {type: 'boolean', default: false},
		'skip-peer': {type: 'boolean', default: false},
		soak: {type: 'string'},
		ingest: {type: 'string'},
		events: {type: 'string'},
		cycle: {type: 'string'},
		'redis-bytes': {type: 'string'},
		voice: {type: 'boolean', default: false},
		'voice-latency': {type: 'string'},
	},
	allowPositionals: false,
});

const browserExecutable = resolveBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE);
if (!browserExecutable) throw new Error('No Chromium: run `npm run setup`');
const scale = Number(options.scale);
const work = mkdtempSync(join(tmpdir(), 'billcast-bench-'));
// The events bench runs its own private Redis, so it never needs (or starts) the default one.
const redisHandle = options.events ? undefined : await ensureRedis({url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', dataDir: work});
const redisUrl = redisHandle?.url ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const seconds = (ms: number) => ms / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bundleDir = join(root, 'build/bundle');
if (!options.ingest && !options.events && !options['redis-bytes']) {
	console.log('Building the bundle once (npm run build)...');
	spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build.ts')], {cwd: root, stdio: 'ignore'});
}

/** (a) One CLI process per customer: each bundles, starts Chromium and renders on its own. */
const runNaive = (count: number): number => {
	const started = Date.now();
	benchCustomers(count).forEach((bill, index) => {
		const props = join(work, `props-${index}.json`);
		writeFileSync(props, JSON.stringify(computeRenderInput({template: 'telco-bill', bill, format: 'landscape'}).inputProps));
		const result = spawnSync(
			'npx',
			['remotion', 'render', 'compositions/index.ts', 'telco-bill-landscape', join(work, `naive-${index}.mp4`),
				`--props=${props}`, `--browser-executable=${browserExecutable}`, `--scale=${scale}`, '--log=error'],
			{cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'},
		);
		if (result.status !== 0) throw new Error(`remotion render failed: ${result.stderr.slice(-800)}`);
	});
	return Date.now() - started;
};

/** (c) The fair peer in its own process: one warm browser, `selectComposition` + `renderMedia` per customer. */
const runPeer = (count: number): number => {
	const result = spawnSync(
		process.execPath,
		['--import', 'tsx', join(root, 'bench/remotion-peer.ts'), `--serve-url=${bundleDir}`, `--out=${work}`,
			`--customers=${count}`, `--scale=${scale}`, `--browser=${browserExecutable}`],
		{cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8'},
	);
	if (result.status !== 0) throw new Error(`the Remotion peer failed: ${result.stderr.slice(-800)}`);
	return (JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {elapsedMs: number}).elapsedMs;
};

interface WorkerHandle {
	readonly child: ChildProcess;
	readonly queueName: string;
	stop(): Promise<void>;
}

/** The real worker process (server/worker/worker-main.ts) on a private queue, with the prebuilt bundle. */
const startWorker = async (narration: 'on' | 'off' = 'off'): Promise<WorkerHandle> => {
	const queueName = `bench-${Date.now()}`;
	// The bench's renders belong to a tenant 'bench'; the worker only reads its narration (the key is never used).
	const tenants = [{id: 'bench', name: 'Bench', apiKeySha256: ['0'.repeat(64)], allowedPayHosts: ['pay.example'], narration: {status: narration}}];
	const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/worker/worker-main.ts')], {
		cwd: root,
		env: {...process.env, REDIS_URL: redisUrl, BILLCAST_QUEUE: queueName, BILLCAST_BUNDLE_DIR: bundleDir,
			BILLCAST_RENDERS_DIR: join(work, 'renders'), REMOTION_BROWSER_EXECUTABLE: browserExecutable, BILLCAST_TENANTS_JSON: JSON.stringify(tenants)},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	await new Promise<void>((ready, fail) => {
		child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('worker ready') && ready());
		child.once('exit', (code) => fail(new Error(`worker exited with ${code}`)));
	});
	return {
		child,
		queueName,
		stop: () => new Promise((done) => {
			child.once('exit', () => done());
			child.kill('SIGTERM');
		}),
	};
};

/** (b) Jobs through the real queue; resolves when all are completed, sampling worker memory after each. */
const runQueued = async (worker: WorkerHandle, count: number, onEach?: (index: number) => void, videoSeconds?: number[]): Promise<number> => {
	const redis = connectRedis(redisUrl);
	const queue = makeRenderQueue({connection: redis, queueName: worker.queueName});
	const events = new QueueEvents(worker.queueName, {connection: connectRedis(redisUrl), prefix: KEY_TAG});
	await events.waitUntilReady();
	const started = Date.now();
	let finished = 0;
	const done = new Promise<void>((resolveAll, reject) => {
		events.on('completed', ({returnvalue}) => {
			// A narrated video lasts as long as its speech: the comparison is per second of video as well.
			videoSeconds?.push(Number((returnvalue as unknown as {durationInSeconds?: number}).durationInSeconds ?? 0));
			onEach?.(finished);
			if (++finished === count) resolveAll();
		});
		events.on('failed', ({failedReason}) => reject(new Error(failedReason)));
	});
	const bills = benchCustomers(count);
	// As the API queues a render: its record with the bill, then a job naming it (the worker's default key prefix).
	const store = makeRenderStore({redis, ttlSeconds: 24 * 3600});
	for (const [index, bill] of bills.entries()) {
		const renderId = `bench-${started}-${index}`;
		await store.create({id: renderId, tenant: 'bench', template: 'telco-bill', format: 'landscape', scale, bill});
		await queue.enqueue(renderId);
	}
	await done;
	const elapsed = Date.now() - started;
	await events.close();
	await queue.close();
	redis.disconnect();
	return elapsed;
};

const results: Record<string, unknown> = {machine: {cores: (await import('node:os')).cpus().length, browserExecutable, scale}};
const video = computeRenderInput({template: 'telco-bill', bill: benchCustomers(1)[0]!, format: 'landscape'});
const videoSeconds = video.durationInFrames / video.fps;

if (options.soak) {
	const renders = Number(options.soak);
	const worker = await startWorker();
	const rss: number[] = [];
	await runQueued(worker, renders, () => rss.push(Math.round(processMemory(worker.child.pid!).rssMiB)));
	await worker.stop();
	const after5 = rss[4] ?? NaN;
	const last = rss.at(-1)!;
	console.table(rss.map((mib, index) => ({render: index + 1, rssMiB: mib})));
	console.log(`Worker RSS after 5 renders ${after5} MiB, after ${renders} ${last} MiB: ${(((last - after5) / after5) * 100).toFixed(1)} % change`);
	results.soak = {renders, rssMiB: rss, growthAfter5Percent: ((last - after5) / after5) * 100};
} else if (options.events) {
	results.viewerEvents = await measureViewerEvents({dir: work, events: Number(options.events), root});
	const {apiRssMiB, ...summary} = results.viewerEvents as Awaited<ReturnType<typeof measureViewerEvents>>;
	console.table([summary]);
	console.table(apiRssMiB);
} else if (options.cycle) {
	results.cycle = await measureCycle({dir: work, bills: Number(options.cycle), root, bundleDir, browserExecutable});
	console.table([results.cycle]);
} else if (options['redis-bytes']) {
	results.redisBytes = await measureRedisBytes({dir: work, bills: Number(options['redis-bytes']), root});
	console.table([results.redisBytes]);
} else if (options['voice-latency']) {
	const rows = await measureVoiceLatency({dir: work, bills: Number(options['voice-latency']) || 3, root, bundleDir, browserExecutable});
	console.table(rows);
	const sorted = (outputs: string) => rows.filter((row) => row.outputs === outputs).map((row) => row.speakingS).sort((a, b) => a - b);
	for (const outputs of ['render', 'on-demand']) {
		const times = sorted(outputs);
		console.log(`${outputs}: POST to a speaking watch link median ${times[Math.floor(times.length / 2)]} s, longest ${times.at(-1)} s (target 5 s)`);
	}
	results.voiceLatency = rows;
} else if (options.voice) {
	// Synthesis on its own, per engine and voice, then the same bills rendered silent and narrated (cold speech cache).
	const synthesis = await measureVoiceSynthesis();
	console.table(synthesis);
	const count = Number(options.customers);
	const renders: Record<'off' | 'on', number[]> = {off: [], on: []};
	const lengths: Record<'off' | 'on', number[]> = {off: [], on: []};
	for (let run = 1; run <= Number(options.runs); run++) {
		for (const narration of ['off', 'on'] as const) {
			rmSync(join(work, 'speech-cache'), {recursive: true, force: true});
			const worker = await startWorker(narration);
			renders[narration].push(await runQueued(worker, count, undefined, lengths[narration]));
			await worker.stop();
		}
		console.log(`run ${run}: ${count} videos silent ${seconds(renders.off.at(-1)!).toFixed(1)} s, narrated ${seconds(renders.on.at(-1)!).toFixed(1)} s`);
	}
	const slower = (median(renders.on) / median(renders.off) - 1) * 100;
	const perVideoSecond = (mode: 'off' | 'on') => median(renders[mode]) / 1000 / (lengths[mode].reduce((sum, s) => sum + s, 0) / renders[mode].length);
	const slowerPerSecond = (perVideoSecond('on') / perVideoSecond('off') - 1) * 100;
	console.log(`render with sound against without: ${slower.toFixed(1)} % slower in total, the narrated videos lasting ` +
		`${(lengths.on.reduce((a, b) => a + b, 0) / lengths.on.length).toFixed(1)} s against ${(lengths.off.reduce((a, b) => a + b, 0) / lengths.off.length).toFixed(1)} s; ` +
		`per second of video ${slowerPerSecond.toFixed(1)} % (median of ${renders.on.length}; target at most 10 %)`);
	results.voice = {synthesis, customers: count, silentMs: renders.off, narratedMs: renders.on, videoSeconds: lengths, slowerPercent: slower, slowerPerVideoSecondPercent: slowerPerSecond};
} else if (options.ingest) {
	results.ingest = await measureIngest({dir: work, bills: Number(options.ingest), root});
	console.table([results.ingest]);
} else {
	const count = Number(options.customers);
	const rows: Array<Record<string, number | string>> = [];
	const naiveMs: number[] = [];
	const peerMs: number[] = [];
	const queuedMs: number[] = [];
	let peakMiB = 0;
	for (let run = 1; run <= Number(options.runs); run++) {
		if (!options['skip-naive']) naiveMs.push(runNaive(count));
		if (!options['skip-peer']) peerMs.push(runPeer(count));
		const worker = await startWorker();
		queuedMs.push(await runQueued(worker, count));
		peakMiB = Math.max(peakMiB, processMemory(worker.child.pid!).peakMiB);
		await worker.stop();
		const shown = (ms: number | undefined) => (ms ? seconds(ms).toFixed(1) : '-');
		console.log(`run ${run}: naive ${shown(naiveMs.at(-1))} s, Remotion peer ${shown(peerMs.at(-1))} s, billcast ${shown(queuedMs.at(-1))} s`);
	}
	const describe = (name: string, ms: number[]) => {
		const perVideo = seconds(median(ms)) / count;
		return {way: name, runs: ms.length, medianTotalS: +seconds(median(ms)).toFixed(1), perVideoS: +perVideo.toFixed(1),
			videosPerHour: Math.round(3600 / perVideo), effectiveFps: +((video.durationInFrames) / perVideo).toFixed(1)};
	};
	if (naiveMs.length) rows.push(describe('(a) naive CLI', naiveMs));
	if (peerMs.length) rows.push(describe('(c) Remotion render server', peerMs));
	rows.push(describe('(b) billcast', queuedMs));
	console.table(rows);
	// Throughput ratios: how many times faster billcast finishes the same customers.
	const ratioOver = (ms: number[]) => (ms.length ? median(ms) / median(queuedMs) : undefined);
	const ratio = ratioOver(naiveMs);
	const peerRatio = ratioOver(peerMs);
	const shownRatio = (r: number | undefined) => (r ? `${r.toFixed(2)}×` : 'n/a');
	console.log(`${count} customers × ${videoSeconds.toFixed(1)} s video at ${video.width * scale}×${video.height * scale}; ` +
		`throughput ratio (b)/(c) against a Remotion render server: ${shownRatio(peerRatio)}; (b)/(a) against the naive CLI: ${shownRatio(ratio)}; ` +
		`worker peak RSS ${Math.round(peakMiB)} MiB`);
	results.throughput = {customers: count, videoSeconds, rows, ratio, peerRatio, workerPeakRssMiB: peakMiB, naiveMs, peerMs, queuedMs};
}

const resultsDir = join(root, 'bench/results');
mkdirSync(resultsDir, {recursive: true});
const file = join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`Results written to ${file}`);
await redisHandle?.stop();
rmSync(work, {recursive: true, force: true});
process.exit(0);
