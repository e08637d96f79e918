import {spawn, type ChildProcess} from 'node:child_process';
import {randomBytes, randomUUID} from 'node:crypto';
import {closeSync, existsSync, openSync, readFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, expect, inject, it, vi} from 'vitest';
import {DEV_API_KEY} from '../../server/tenants/tenant-registry';
import {freePort} from '../helpers/free-port';
import {s3StorageEnv} from '../helpers/s3-server';
import {shortBill} from '../helpers/short-bill';
import {startWebhookReceiver} from '../helpers/webhook-receiver';

/** `npm test` keeps the batch small; `BILLCAST_MULTI_PROCESS_BILLS=200 npx vitest run test/integration/multi-process.test.ts` is the full run. */
const BILLS = Number(process.env.BILLCAST_MULTI_PROCESS_BILLS ?? 4);
const SCALE = 0.2;
const root = join(import.meta.dirname, '..', '..');
const auth = {authorization: `Bearer ${DEV_API_KEY}`};

const started: ChildProcess[] = [];
const folders: string[] = [];
afterAll(async () => {
	for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	await Promise.all(folders.map((folder) => rm(folder, {recursive: true, force: true})));
});

/**
 * An API and two workers started as separate processes with the production commands, sharing nothing but Redis and
 * S3: each has its own data folder and TMPDIR, and the workers' are deleted before a single output is fetched.
 */
it(`renders a ${BILLS}-bill batch across two worker processes, survives kill -9 of one mid-render, and serves every output from S3 through the API`, async () => {
	const secret = `whsec_${randomBytes(24).toString('hex')}`;
	const receiver = await startWebhookReceiver({secret, failFirst: 0});
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const shared = {
		...process.env,
		NODE_ENV: 'development',
		REDIS_URL: inject('redisUrl'),
		BILLCAST_QUEUE: `multi-${randomUUID().slice(0, 8)}`,
		BILLCAST_BUNDLE_DIR: inject('serveUrl'),
		BILLCAST_WATCH_SECRET: randomBytes(32).toString('base64url'),
		// The development tenant, as `npm start` has it (narrated; 600 requests a minute, so the test polls one batch
		// rather than every render): the only tenant whose webhook may be a loopback receiver.
		BILLCAST_DEV_WEBHOOK_URL: receiver.url,
		BILLCAST_DEV_WEBHOOK_SECRET: secret,
		// The receiver listens on loopback, which outbound requests reach only with the development switch.
		BILLCAST_ALLOW_PRIVATE_OUTBOUND: '1',
		BILLCAST_WORKER_METRICS_PORT: '0',
		BILLCAST_LOG_LEVEL: 'info',
		PUBLIC_BASE_URL: baseUrl,
		PORT: String(port),
		...s3StorageEnv(inject('s3'), {prefix: `multi-${randomUUID().slice(0, 8)}`, serve: 'stream'}),
	};
	const startProcess = async (name: string, script: string, ready: string) => {
		const dataDir = await mkdtemp(join(tmpdir(), `billcast-${name}-data-`));
		const tempDir = await mkdtemp(join(tmpdir(), `billcast-${name}-tmp-`));
		folders.push(dataDir, tempDir);
		const logFile = join(dataDir, `${name}.log`);
		const out = openSync(logFile, 'a');
		// As README's production commands start them: tsx only as a loader, so signals reach the process itself.
		const child = spawn(process.execPath, ['--import', 'tsx', script], {cwd: root, stdio: ['ignore', out, out], env: {...shared, BILLCAST_DATA_DIR: dataDir, TMPDIR: tempDir}});
		closeSync(out);
		started.push(child);
		// Three processes compiling TypeScript at once (tsx's cache is in each one's own TMPDIR) on two shared cores.
		await vi.waitFor(
			() => {
				const log = readFileSync(logFile, 'utf8');
				if (!log.includes(ready)) throw new Error(`timed out waiting for ${name} to start; its log ends: ${log.slice(-2000)}`);
			},
			{timeout: 300_000, interval: 250},
		);
		return {name, child, dataDir, tempDir, log: () => readFileSync(logFile, 'utf8')};
	};
	const startedAt = Date.now();
	const step = (what: string) => console.info(`multi-process ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${what}`);
	const [api, ...workers] = await Promise.all([
		startProcess('api', 'server/api/api-main.ts', 'billcast API listening'),
		startProcess('worker-a', 'server/worker/worker-main.ts', 'billcast worker ready'),
		startProcess('worker-b', 'server/worker/worker-main.ts', 'billcast worker ready'),
	]);
	step('API and two workers ready');
	const [victim, survivor] = workers as [NonNullable<(typeof workers)[0]>, NonNullable<(typeof workers)[0]>];

	const tag = randomBytes(3).toString('hex');
	const bills = Array.from({length: BILLS}, (_, i) => ({
		template: 'telco-bill',
		format: 'square',
		scale: SCALE,
		bill: {...shortBill, customer: {...shortBill.customer, id: `MULTI-${tag}-${i + 1}`}},
	}));
	const posted = await fetch(`${baseUrl}/v1/batches`, {method: 'POST', headers: {...auth, 'content-type': 'application/json'}, body: JSON.stringify(bills)});
	expect(posted.status).toBe(202);
	const batch = (await posted.json()) as {id: string; accepted: number};
	expect(batch.accepted).toBe(BILLS);
	const rows = (await (await fetch(`${baseUrl}/v1/batches/${batch.id}/export.csv`, {headers: auth})).text()).trim().split('\n').slice(1);
	const renders = rows.map((row) => {
		const [, id, watch, , video] = row.split(',');
		return {id: id!, watch: watch!, video: video!};
	});
	expect(renders).toHaveLength(BILLS);

	const counts = async () => ((await (await fetch(`${baseUrl}/v1/batches/${batch.id}`, {headers: auth})).json()) as {renders: Record<string, number>}).renders;
	const statusOf = async (id: string) => ((await (await fetch(`${baseUrl}/v1/renders/${id}`, {headers: auth})).json()) as {status: string}).status;
	// Two renders at once on workers that take one each: the victim is mid-render.
	await expect.poll(async () => (await counts()).rendering ?? 0, {timeout: 300_000, interval: 250, message: 'waiting for both workers to be rendering'}).toBeGreaterThanOrEqual(2);
	step('both workers rendering: kill -9 of one');
	victim.child.kill('SIGKILL');
	await expect.poll(() => victim.child.signalCode, {timeout: 10_000, interval: 250, message: 'waiting for the killed worker to exit'}).toBe('SIGKILL');
	const killedAt = Date.now();

	const ended = async () => {
		const now = await counts();
		return now.completed! + now.failed!;
	};
	await expect.poll(ended, {timeout: BILLS * 60_000 + 120_000, interval: 250, message: 'waiting for every render to end'}).toBe(BILLS);
	const finishedAt = Date.now();
	step('every render ended');
	expect(await Promise.all(renders.map(({id}) => statusOf(id)))).toEqual(renders.map(() => 'completed'));
	const unannounced = () => renders.filter(({id}) => !receiver.received.some((r) => r.event.type === 'render.completed' && r.event.data.render.id === id)).map(({id}) => id);
	await expect.poll(unannounced, {timeout: 60_000, interval: 250, message: 'waiting for a render.completed webhook for every render'}).toEqual([]);

	// Nothing on any worker's disk serves a viewer: the workers and their folders go before a byte is fetched.
	survivor.child.kill('SIGTERM');
	await expect.poll(() => survivor.child.exitCode, {timeout: 60_000, interval: 250, message: 'waiting for the surviving worker to stop'}).not.toBeNull();
	const retried = survivor.log().match(/render stalled/g)?.length ?? 0;
	for (const worker of workers) {
		await rm(worker!.dataDir, {recursive: true, force: true});
		await rm(worker!.tempDir, {recursive: true, force: true});
	}

	for (const {id, watch, video} of renders) {
		const viaKey = await fetch(`${baseUrl}/v1/renders/${id}/video.mp4`, {headers: {...auth, range: 'bytes=0-99'}});
		expect(viaKey.status).toBe(206);
		const size = Number(/^bytes 0-99\/(\d+)$/.exec(viaKey.headers.get('content-range') ?? '')?.[1]);
		expect(size).toBeGreaterThan(1000);
		expect(Buffer.from(await viaKey.arrayBuffer()).subarray(4, 8).toString('latin1')).toBe('ftyp');
		const viaLink = await fetch(video, {headers: {range: `bytes=${size - 100}-`}});
		expect(viaLink.status).toBe(206);
		expect((await viaLink.arrayBuffer()).byteLength).toBe(100);
		const token = new URL(watch).pathname.split('/').at(-1);
		for (const file of ['captions.vtt', 'hotspots.json']) {
			const ranged = await fetch(`${baseUrl}/v1/watch/${token}/${file}`, {headers: {range: 'bytes=0-4'}});
			expect(ranged.status).toBe(206);
		}
		expect((await fetch(`${baseUrl}/v1/watch/${token}/poster.jpg`, {headers: {range: 'bytes=0-2'}})).status).toBe(206);
	}
	// The API kept nothing on its own disk either.
	expect(existsSync(join(api.dataDir, 'renders'))).toBe(false);

	const completions = renders.map(({id}) => receiver.received.filter((r) => r.event.type === 'render.completed' && r.event.data.render.id === id).length);
	expect(completions).toEqual(renders.map(() => 1));
	console.info(
		`multi-process: ${BILLS} bills, ${((finishedAt - startedAt) / 1000).toFixed(1)} s from start to the last completion ` +
			`(${((finishedAt - killedAt) / 1000).toFixed(1)} s after kill -9), ${completions.filter((n) => n === 1).length} completed once, ` +
			`${completions.filter((n) => n > 1).length} completed more than once, stalled jobs seen by the survivor: ${retried}`,
	);
	api.child.kill('SIGTERM');
	await receiver.close();
}, BILLS * 90_000 + 300_000);
