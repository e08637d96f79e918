import {randomUUID} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, expect, inject, it} from 'vitest';
import {DEV_API_KEY} from '../../server/tenants/tenant-registry';
import {freePort} from '../helpers/free-port';
import {startMain, type RunningMain} from '../helpers/node-main';
import {shortBill} from '../helpers/short-bill';

const auth = {authorization: `Bearer ${DEV_API_KEY}`};

let api: RunningMain | undefined;
let worker: RunningMain | undefined;
let dir: string | undefined;
const running = (main: RunningMain | undefined): main is RunningMain => main?.child.exitCode === null && main.child.signalCode === null;
afterAll(async () => {
	if (running(api)) api.child.kill('SIGKILL');
	// The worker leads a group of its own: whatever it left running in it goes too.
	if (running(worker)) process.kill(-worker.child.pid!, 'SIGKILL');
	if (dir) await rm(dir, {recursive: true, force: true});
});

// Ctrl-C on `npm start` (or `npm run worker`) mid-render: the terminal's SIGINT reached the worker's whole foreground
// group, so the ffmpeg it encodes with stopped while the worker was finishing the render (exit 255 mid-encode; exit 0 and
// no file while still opening its inputs), which then failed (render_failed, retried at the next start).
it("a worker whose process group gets a terminal's SIGINT mid-render finishes the render and exits 0", async () => {
	dir = await mkdtemp(join(tmpdir(), 'billcast-group-signal-'));
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const env = {
		...process.env,
		NODE_ENV: 'development',
		REDIS_URL: inject('redisUrl'),
		BILLCAST_QUEUE: `group-signal-${randomUUID().slice(0, 8)}`,
		BILLCAST_BUNDLE_DIR: inject('serveUrl'),
		BILLCAST_DATA_DIR: dir,
		BILLCAST_WORKER_METRICS_PORT: '0',
		BILLCAST_LOG_LEVEL: 'info',
		PUBLIC_BASE_URL: baseUrl,
		PORT: String(port),
	};
	api = startMain({script: 'server/api/api-main.ts', env});
	worker = startMain({script: 'server/worker/worker-main.ts', env, detached: true});
	await expect.poll(api.output, {timeout: 300_000, interval: 250}).toContain('billcast API listening');
	await expect.poll(worker.output, {timeout: 300_000, interval: 250}).toContain('billcast worker ready');

	const bill = {...shortBill, customer: {...shortBill.customer, id: `GROUP-${randomUUID().slice(0, 8)}`}};
	const posted = await fetch(`${baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {...auth, 'content-type': 'application/json'},
		body: JSON.stringify({template: 'telco-bill', format: 'square', scale: 0.2, bill}),
	});
	expect(posted.status).toBe(202);
	const {id} = (await posted.json()) as {id: string};
	const render = async () => (await (await fetch(`${baseUrl}/v1/renders/${id}`, {headers: auth})).json()) as {status: string; progress: number};
	// Frames drawn means the encoder is running: it is started before the first frame and ends after the last.
	await expect.poll(async () => {
		const {status, progress} = await render();
		return status === 'rendering' && progress > 0;
	}, {timeout: 300_000, interval: 100, message: 'waiting for the render to be drawing frames'}).toBe(true);

	process.kill(-worker.child.pid!, 'SIGINT');
	const code = await worker.exited;
	const log = worker.output();
	expect(log).toContain('finishing the active render, taking no new ones');
	expect(log).not.toContain('render_failed');
	expect(code, log.slice(-2000)).toBe(0);
	expect((await render()).status, log.slice(-2000)).toBe('completed');
}, 600_000);
