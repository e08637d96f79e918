import {randomUUID} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, expect, inject, it} from 'vitest';
import {makeLogger} from '../../server/platform/logger';
import {connectRedis} from '../../server/platform/redis-connection';
import {buildServices} from '../../server/services/build-services';
import {DEV_API_KEY, DEV_TENANT, makeTenantRegistry} from '../../server/tenants/tenant-registry';
import {freePort} from '../helpers/free-port';
import {startMain, type RunningMain} from '../helpers/node-main';
import {shortBill} from '../helpers/short-bill';

/**
 * The API gives requests under way 10 s before it cuts their connections: a stream must end at once, and the stop
 * waiting for a stream fails here instead of hanging the file.
 */
const STOP_BOUND_MS = 10_000;
const queueName = `api-stop-${randomUUID().slice(0, 8)}`;

let dir: string | undefined;
let api: RunningMain | undefined;
let renderId: string | undefined;
afterAll(async () => {
	if (api && api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
	// The render stays queued with no worker: another file's worker would take it up as an orphan a minute from now.
	const redis = connectRedis(inject('redisUrl'));
	const services = buildServices({
		config: {publicBaseUrl: 'http://127.0.0.1', watchSecret: 'unused', watchTtlDays: 1, retentionDays: 1, queueName, webhookQueueName: `${queueName}-webhooks`, storage: {kind: 'local', dir: dir ?? tmpdir()}},
		redis,
		tenants: makeTenantRegistry([DEV_TENANT]),
		logger: makeLogger({service: 'api', level: 'silent'}),
	});
	if (renderId) await services.store.delete(renderId);
	await services.queue.queue.obliterate({force: true});
	await services.close();
	redis.disconnect();
	if (dir) await rm(dir, {recursive: true, force: true});
});

/** Reads what the stream still sends: `ended` once it ends cleanly, `cut: …` when its connection is cut instead. */
const readToEnd = async (reader: ReadableStreamDefaultReader<string>, seen: {text: string}): Promise<string> => {
	try {
		for (;;) {
			const chunk = await reader.read();
			if (chunk.done) return 'ended';
			seen.text += chunk.value;
		}
	} catch (error) {
		return `cut: ${error instanceof Error ? error.message : String(error)}`;
	}
};

// A deploy's SIGTERM to an API with a client following a queued render's events (no worker running): server.close()
// waited for that response, which never ends by itself, so the API never stopped.
it('SIGTERM stops the API with exit code 0 while an event stream is open, and the stream ends cleanly', async () => {
	dir = await mkdtemp(join(tmpdir(), 'billcast-api-stop-'));
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	api = startMain({
		script: 'server/api/api-main.ts',
		env: {PATH: process.env.PATH!, PORT: String(port), HOST: '127.0.0.1', BILLCAST_DATA_DIR: dir, REDIS_URL: inject('redisUrl'), BILLCAST_QUEUE: queueName, BILLCAST_LOG_LEVEL: 'info'},
	});
	await expect.poll(api.output, {timeout: 120_000, interval: 200}).toContain('billcast API listening');

	const auth = {authorization: `Bearer ${DEV_API_KEY}`};
	const bill = {...shortBill, customer: {...shortBill.customer, id: `STOP-${randomUUID().slice(0, 8)}`}};
	const posted = await fetch(`${baseUrl}/v1/renders`, {method: 'POST', headers: {...auth, 'content-type': 'application/json'}, body: JSON.stringify({template: 'telco-bill', scale: 0.25, bill})});
	expect(posted.status).toBe(202);
	renderId = ((await posted.json()) as {id: string}).id;
	const events = await fetch(`${baseUrl}/v1/renders/${renderId}/events`, {headers: auth});
	expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
	const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
	const seen = {text: ''};
	while (!seen.text.includes('\n\n')) {
		const chunk = await reader.read();
		if (chunk.done) break;
		seen.text += chunk.value;
	}
	expect(seen.text).toMatch(/^event: progress\ndata: \{"id":"[^"]+","status":"queued"/);

	const streamEnd = readToEnd(reader, seen);
	api.child.kill('SIGTERM');
	const code = await Promise.race([api.exited, new Promise<'still running'>((done) => setTimeout(() => done('still running'), STOP_BOUND_MS).unref())]);
	if (code === 'still running') api.child.kill('SIGKILL');
	expect(code, api.output().slice(-2000)).toBe(0);
	expect(await streamEnd, seen.text).toBe('ended');
	// A client that follows with curl sees why the stream ended without a `completed` or `failed` event.
	expect(seen.text).toMatch(/\n: this API is stopping: connect again to follow the render\n\n$/);
}, 180_000);
