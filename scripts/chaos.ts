/**
 * `npm run chaos`: crashes, outages and failing renders against real worker processes, then a table of what came of
 * every accepted render. It starts its own redis-server (a free port, its own append-only dir) and workers through the
 * documented command (`node --import tsx server/worker/worker-main.ts`), and only ever signals processes it started.
 *
 * CHAOS_RENDERS (default 50) sets both the renders accepted around the Redis kill and the failing renders;
 * CHAOS_OUTAGE_S (default 45) the Redis outage mid-render.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {closeSync, openSync, readFileSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {browserProcessCount, markedProcesses} from '../server/worker/browser';
import {bundleCompositions} from '../server/worker/bundle';
import {pingRedis} from '../server/dev/ensure-redis';
import {prepareRenderJob} from '../server/renders/prepare-render-job';
import {connectRedis, type RedisClient} from '../server/platform/redis-connection';
import type {RenderJob} from '../server/renders/render-job';
import {makeRenderQueue} from '../server/renders/render-queue';
import {makeRenderStore} from '../server/renders/render-store';
import {DEV_TENANT} from '../server/tenants/tenant-registry';
import {sampleTelcoBill} from '../src/templates/telco-bill/sample-telco-bill';
import {freePort} from '../test/helpers/free-port';
import {shortBill} from '../test/helpers/short-bill';
import {startWebhookReceiver} from '../test/helpers/webhook-receiver';

const RENDERS = Number(process.env.CHAOS_RENDERS ?? 50);
const OUTAGE_MS = Number(process.env.CHAOS_OUTAGE_S ?? 45) * 1000;
const SCALE = 0.25;
const root = join(import.meta.dirname, '..');

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${message}`);
const until = async <T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> => {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe().catch(() => undefined);
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(200);
	}
};
const exited = (child: ChildProcess) =>
	child.exitCode !== null || child.signalCode !== null
		? Promise.resolve()
		: new Promise<void>((resolve) => child.once('exit', () => resolve()));

const work = await mkdtemp(join(tmpdir(), 'billcast-chaos-'));
const started: ChildProcess[] = [];

// Redis, killed and restarted on the same port and append-only file.
const redisPort = await freePort();
const redisUrl = `redis://127.0.0.1:${redisPort}`;
let redisServer: ChildProcess | undefined;
const startRedis = async () => {
	redisServer = spawn(
		'redis-server',
		['--port', String(redisPort), '--bind', '127.0.0.1', '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--dir', join(work, 'redis'), '--save', ''],
		{stdio: 'ignore'},
	);
	started.push(redisServer);
	await until('redis-server', () => pingRedis(redisUrl, 300), 10_000);
};
const killRedis = async () => {
	const server = redisServer!;
	server.kill('SIGKILL');
	await exited(server);
};
await mkdir(join(work, 'redis'));
await startRedis();

log('bundling the compositions');
const bundleDir = await bundleCompositions({outDir: join(work, 'bundle')});
const rendersDir = join(work, 'renders');
const queueName = `chaos-${randomBytes(3).toString('hex')}`;
const secret = `whsec_${randomBytes(24).toString('hex')}`;
const receiver = await startWebhookReceiver({secret, failFirst: 0});

const redis: RedisClient = connectRedis(redisUrl);
redis.on('error', () => undefined);
const store = makeRenderStore({redis});
const queue = makeRenderQueue({connection: redis, queueName});

// Workers, started exactly as a process manager would.
interface WorkerProcess {
	readonly name: string;
	readonly child: ChildProcess;
	readonly logFile: string;
}
const workers: WorkerProcess[] = [];
let workerCount = 0;
const startWorker = async (): Promise<WorkerProcess> => {
	const name = `w${++workerCount}`;
	const logFile = join(work, `${name}.log`);
	const out = openSync(logFile, 'a');
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/worker/worker-main.ts'], {
		cwd: root,
		stdio: ['ignore', out, out],
		env: {
			...process.env,
			NODE_ENV: 'development',
			REDIS_URL: redisUrl,
			BILLCAST_DATA_DIR: join(work, 'data'),
			BILLCAST_RENDERS_DIR: rendersDir,
			BILLCAST_BUNDLE_DIR: bundleDir,
			BILLCAST_QUEUE: queueName,
			BILLCAST_WORKER_METRICS_PORT: '0',
			BILLCAST_WATCH_SECRET: randomBytes(32).toString('base64url'),
			BILLCAST_DEV_WEBHOOK_URL: receiver.url,
			BILLCAST_DEV_WEBHOOK_SECRET: secret,
			// The webhook receiver listens on loopback, which the outbound guard refuses without the development switch.
			BILLCAST_ALLOW_PRIVATE_OUTBOUND: '1',
			PUBLIC_BASE_URL: 'http://127.0.0.1:9',
		},
	});
	closeSync(out);
	started.push(child);
	const worker = {name, child, logFile};
	workers.push(worker);
	await until(`${name} ready`, async () => readFileSync(logFile, 'utf8').includes('billcast worker ready'), 120_000);
	log(`${name} ready (pid ${child.pid})`);
	return worker;
};
const killWorker = async (worker: WorkerProcess, signal: NodeJS.Signals) => {
	worker.child.kill(signal);
	await exited(worker.child);
};

// Renders, accepted as the API accepts them: a queued record, then the job.
let accepted = 0;
const ids: string[] = [];
const accept = async (bill: typeof sampleTelcoBill, opts: {attempts?: number} = {}): Promise<string> => {
	const prepared = prepareRenderJob(DEV_TENANT, {template: 'telco-bill', bill, scale: SCALE});
	if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
	const job: RenderJob = prepared.job;
	await store.create({id: job.renderId, tenant: job.tenant, template: job.template, format: job.format, bill: job.bill, scale: job.scale});
	await queue.queue.add('render', {renderId: job.renderId}, {jobId: job.renderId, ...opts});
	accepted++;
	ids.push(job.renderId);
	return job.renderId;
};
const billFor = (label: string, base = shortBill, logoUrl?: string) => ({
	...base,
	customer: {...base.customer, id: `CHAOS-${label}-${randomBytes(3).toString('hex')}`},
	...(logoUrl ? {brand: {...base.brand, logoUrl}} : {}),
});
const statusOf = async (id: string) => (await store.get(id))?.status;
const ended = async (id: string) => ['completed', 'failed'].includes((await statusOf(id)) ?? '');
const attemptsStarted = async (id: string) => (await queue.queue.getJob(id))?.attemptsStarted ?? 0;

/** Browsers whose worker is gone; the watchdog should kill them within a second. */
const orphanedBrowsers = async () => {
	const live = new Set(workers.filter(({child}) => child.exitCode === null && child.signalCode === null).map(({child}) => String(child.pid)));
	const groups = new Set(
		(await markedProcesses()).filter(({owner}) => owner.startsWith('billcast-') && workers.some(({child}) => owner.startsWith(`billcast-${child.pid}-`)) && !live.has(owner.split('-')[1]!)).map(({pgid}) => pgid),
	);
	return groups.size;
};
/** Every Chromium process of one worker, renderers and GPU process included. */
const chromiumOf = (worker: WorkerProcess): Promise<number> => browserProcessCount((owner) => owner.startsWith(`billcast-${worker.child.pid}-`));
const rssOf = async (worker: WorkerProcess): Promise<number> => {
	const status = await readFile(`/proc/${worker.child.pid}/status`, 'latin1').catch(() => '');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

const findings: Array<[string, string]> = [];
let orphansSeen = 0;
/** The watchdog polls every 500 ms, but on a loaded machine its kill can take seconds: an orphan is one still alive after 15 s. */
const ORPHAN_GRACE_MS = 15_000;
const checkOrphans = async (when: string) => {
	const started = Date.now();
	let orphans = await orphanedBrowsers();
	while (orphans > 0 && Date.now() - started < ORPHAN_GRACE_MS) {
		await sleep(250);
		orphans = await orphanedBrowsers();
	}
	orphansSeen += orphans;
	log(`orphaned browsers after ${when}: ${orphans} (checked for ${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

try {
	// 1. kill -9 of the worker mid-render, twice on the same job.
	log('phase 1: kill -9 mid-render, twice on one job');
	const w1 = await startWorker();
	const twice = await accept(billFor('kill', sampleTelcoBill));
	await until('first render to start', async () => (await statusOf(twice)) === 'rendering', 120_000);
	await killWorker(w1, 'SIGKILL');
	await checkOrphans('kill -9 #1');
	const killedAt = Date.now();
	await startWorker();
	await until('the job to be taken up again', async () => (await attemptsStarted(twice)) >= 2, 90_000);
	const pickup = (Date.now() - killedAt) / 1000;
	log(`taken up again ${pickup.toFixed(1)} s after the kill`);
	findings.push(['stalled job taken up after kill -9 (s)', pickup.toFixed(1)]);
	await killWorker(workers.at(-1)!, 'SIGKILL');
	await checkOrphans('kill -9 #2');
	const w3 = await startWorker();
	await until('the twice-stalled job to end', () => ended(twice), 90_000);
	const stalledRecord = await store.get(twice);
	findings.push(['job stalled twice ends as', stalledRecord?.status === 'failed' ? `failed (${stalledRecord.error.code})` : String(stalledRecord?.status)]);
	// Posted again, as the API does for a failed render.
	await queue.forget(twice);
	await store.requeue(twice);
	await queue.enqueue(twice);
	await until('the re-posted render', () => ended(twice), 180_000);
	findings.push(['re-posted after failing, ends as', String(await statusOf(twice))]);

	// 2. SIGTERM through the documented command: the active render finishes and its webhook is sent before exit.
	log('phase 2: SIGTERM mid-render');
	const graceful = await accept(billFor('sigterm', sampleTelcoBill));
	await until('the render to start', async () => (await statusOf(graceful)) === 'rendering', 120_000);
	w3.child.kill('SIGTERM');
	await exited(w3.child);
	const webhookBeforeExit = receiver.received.some(({event}) => event.type === 'render.completed' && event.data.render.id === graceful);
	findings.push(['SIGTERM: render ends as / exit code / webhook before exit', `${await statusOf(graceful)} / ${w3.child.exitCode} / ${webhookBeforeExit ? 'yes' : 'no'}`]);
	await checkOrphans('SIGTERM');

	// 3. Redis kill -9 and restart on its append-only file with renders accepted.
	log(`phase 3: Redis kill -9 with ${RENDERS} accepted renders`);
	const [wa, wb] = [await startWorker(), await startWorker()];
	const batch = await Promise.all(Array.from({length: RENDERS}, (_, n) => accept(billFor(`batch${n}`))));
	await until('a few renders to complete', async () => (await Promise.all(batch.map(statusOf))).filter((s) => s === 'completed').length >= 3, 300_000);
	await killRedis();
	log('redis killed with -9; restarting on its append-only file');
	await sleep(1_000);
	await startRedis();
	await until('every accepted render to end', async () => (await Promise.all(batch.map(ended))).every(Boolean), 900_000);

	// 4. A Redis outage longer than the job lock, mid-render.
	log(`phase 4: ${OUTAGE_MS / 1000} s Redis outage mid-render`);
	const outage = await accept(billFor('outage', sampleTelcoBill));
	await until('the render to start', async () => (await statusOf(outage)) === 'rendering', 120_000);
	await killRedis();
	await sleep(OUTAGE_MS);
	await startRedis();
	await until('the render to end', () => ended(outage), 300_000);

	// 5. Failing renders: an inline logo the render browser cannot decode, one attempt each, so every render is one
	// failed attempt inside Chromium (a remote logo would be refused by the worker's outbound guard before any page opens).
	log(`phase 5: ${RENDERS} failing renders`);
	const chromiumBefore = (await chromiumOf(wa)) + (await chromiumOf(wb));
	const rssBefore = (await rssOf(wa)) + (await rssOf(wb));
	const failing = await Promise.all(
		Array.from({length: RENDERS}, (_, n) => accept(billFor(`logo${n}`, shortBill, `data:image/png;base64,${randomBytes(24).toString('base64')}`), {attempts: 1})),
	);
	await until('every failing render to end', async () => (await Promise.all(failing.map(ended))).every(Boolean), 1_800_000);
	// A worker tidies its browsers after each render and once more 5 s after its last (Remotion's retries of a failed
	// image may open a browser after the render has failed); the count is read once that has had time to happen.
	await sleep(8_000);
	const chromiumAfter = (await chromiumOf(wa)) + (await chromiumOf(wb));
	const rssAfter = (await rssOf(wa)) + (await rssOf(wb));
	findings.push([`worker RSS before / after ${RENDERS} failing renders (MiB)`, `${rssBefore.toFixed(0)} / ${rssAfter.toFixed(0)}`]);

	// Let the webhooks still queued go out, then stop the last workers with SIGTERM.
	await sleep(3_000);
	await Promise.all([killWorker(wa, 'SIGTERM'), killWorker(wb, 'SIGTERM')]);
	await checkOrphans('the last SIGTERM');

	// What came of every accepted render.
	const records = await Promise.all(ids.map((id) => store.get(id)));
	const completed = records.filter((r) => r?.status === 'completed').length;
	const failedByCode = new Map<string, number>();
	for (const r of records) if (r?.status === 'failed') failedByCode.set(r.error.code, (failedByCode.get(r.error.code) ?? 0) + 1);
	const failedCount = [...failedByCode.values()].reduce((a, b) => a + b, 0);
	const completedEvents = new Map<string, Set<string>>();
	let completedDeliveries = 0;
	for (const {event} of receiver.received) {
		if (event.type !== 'render.completed') continue;
		completedDeliveries++;
		const seen = completedEvents.get(event.data.render.id) ?? new Set();
		completedEvents.set(event.data.render.id, seen.add(event.id));
	}
	const duplicateEventIds = [...completedEvents.values()].filter((set) => set.size > 1).length;
	// What the workers measured: render times, and the longest event-loop stall during one (the lock's real risk).
	const renderLines = workers
		.flatMap(({logFile}) => readFileSync(logFile, 'utf8').split('\n'))
		.filter((line) => line.includes('"render completed"'))
		.map((line) => JSON.parse(line) as {renderId: string; seconds: number; loopStallMs?: number});
	const renderedTimes = new Map<string, number>();
	for (const {renderId} of renderLines) renderedTimes.set(renderId, (renderedTimes.get(renderId) ?? 0) + 1);
	const table: Array<[string, string]> = [
		['accepted', String(accepted)],
		['completed', String(completed)],
		['failed (by reason)', `${failedCount} (${[...failedByCode].map(([code, n]) => `${code}: ${n}`).join(', ') || 'none'})`],
		['lost (never ended)', String(accepted - completed - failedCount)],
		['duplicate completions (renders with >1 render.completed id)', String(duplicateEventIds)],
		['render.completed deliveries / completed renders', `${completedDeliveries} / ${completed}`],
		['orphaned browsers (after kills and exits)', String(orphansSeen)],
		['renders drawn twice (a re-run that found no completed record)', String([...renderedTimes.values()].filter((n) => n > 1).length)],
		['render seconds: median / longest', `${median(renderLines.map(({seconds}) => seconds)).toFixed(1)} / ${Math.max(0, ...renderLines.map(({seconds}) => seconds)).toFixed(1)}`],
		['longest event-loop stall during a render (ms)', String(Math.max(0, ...renderLines.map(({loopStallMs}) => loopStallMs ?? 0)))],
		[`Chromium processes before / after ${RENDERS} failing renders`, `${chromiumBefore} / ${chromiumAfter}`],
		...findings,
	];
	const width = Math.max(...table.map(([k]) => k.length));
	console.log(`\n${table.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`);
	const ok = accepted === completed + failedCount && duplicateEventIds === 0 && orphansSeen === 0 && chromiumAfter === chromiumBefore;
	process.exitCode = ok ? 0 : 1;
} finally {
	for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	await Promise.all(started.map(exited));
	redis.disconnect();
	await receiver.close();
	if (!process.env.CHAOS_KEEP) await rm(work, {recursive: true, force: true});
	else log(`kept ${work}`);
}
