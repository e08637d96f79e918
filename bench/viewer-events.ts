import {spawn} from 'node:child_process';
import {join} from 'node:path';
import {startRedisServer} from '../server/dev/ensure-redis';
import {connectRedis} from '../server/platform/redis-connection';
import {DEV_API_KEY} from '../server/tenants/tenant-registry';
import {freePort} from '../test/helpers/free-port';
import {benchCustomers} from './bench-customers';
import {processMemory} from './process-memory';

/** A viewing as the player reports it, each event with its scene; cycled over the links until `events` are sent. */
const viewing = [
	{type: 'view_started', scene: 'greeting'},
	{type: 'progress_25', scene: 'total'},
	{type: 'hotspot_shown', hotspot: 'pay', scene: 'due'},
	{type: 'progress_50', scene: 'breakdown'},
	{type: 'progress_75', scene: 'due'},
	{type: 'hotspot_clicked', hotspot: 'pay', scene: 'due'},
	{type: 'pay_clicked', hotspot: 'pay', scene: 'due'},
	{type: 'completed', scene: 'close'},
].map((event) => JSON.stringify(event));

const SAMPLES = 10;

/**
 * `POST /v1/watch/:token/events` of a real API process on loopback, `events` times from `concurrency` senders, over
 * enough links that none passes its 120-a-minute limit. The API's resident memory is sampled ten times: counting keeps
 * per-render and per-campaign hashes only, so it must stay flat however many events arrive. A private Redis, no worker.
 */
export const measureViewerEvents = async ({dir, events, root, concurrency = 32}: {dir: string; events: number; root: string; concurrency?: number}) => {
	const redis = await startRedisServer({port: await freePort(), dir: join(dir, 'events-redis')});
	const port = await freePort();
	const api = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/api/api-main.ts')], {
		cwd: root,
		env: {...process.env, PORT: String(port), HOST: '127.0.0.1', REDIS_URL: redis.url, BILLCAST_QUEUE: `bench-events-${Date.now()}`, BILLCAST_DATA_DIR: join(dir, 'events-data'), BILLCAST_LOG_LEVEL: 'silent'},
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const base = `http://127.0.0.1:${port}`;
	const auth = {authorization: `Bearer ${DEV_API_KEY}`};
	try {
		await new Promise<void>((ready, fail) => {
			api.stdout!.on('data', () => ready());
			api.once('exit', (code) => fail(new Error(`the API exited with ${code}`)));
			// Silent logging prints nothing: ask until it answers.
			const poll = setInterval(() => void fetch(`${base}/healthz`).then((r) => r.ok && (clearInterval(poll), ready()), () => undefined), 200);
		});
		// Under 60 events per link, well inside the 120-a-minute limit even if the run takes less than a minute.
		const links = Math.ceil(events / 60);
		const [bill] = benchCustomers(1);
		const body = Array.from({length: links}, (_, index) => JSON.stringify({template: 'telco-bill', bill: {...bill, billNumber: `EV-${index}`, customer: {...bill!.customer, id: `EVENTS-${index}`}}})).join('\n');
		const batch = (await (await fetch(`${base}/v1/batches`, {method: 'POST', headers: {...auth, 'content-type': 'application/x-ndjson'}, body})).json()) as {id: string; accepted: number};
		if (batch.accepted !== links) throw new Error(`the batch accepted ${batch.accepted} of ${links} bills`);
		const exported = await (await fetch(`${base}/v1/batches/${batch.id}/export.ndjson`, {headers: auth})).text();
		const tokens = exported.trim().split('\n').map((line) => (JSON.parse(line) as {watchLink: string}).watchLink.split('/w/')[1]!);

		const memory: Array<{events: number; rssMiB: number}> = [];
		let next = 0;
		let refused = 0;
		const started = Date.now();
		const sender = async () => {
			for (let index = next++; index < events; index = next++) {
				const token = tokens[index % tokens.length]!;
				const event = viewing[Math.floor(index / tokens.length) % viewing.length]!;
				const response = await fetch(`${base}/v1/watch/${token}/events`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: event});
				if (response.status !== 204) refused++;
				await response.arrayBuffer();
				if ((index + 1) % (events / SAMPLES) === 0) memory.push({events: index + 1, rssMiB: Math.round(processMemory(api.pid!).rssMiB)});
			}
		};
		await Promise.all(Array.from({length: concurrency}, sender));
		const elapsedS = (Date.now() - started) / 1000;

		// Read as a tenant reads it, not from a key name that the bench would have to keep in step with the counters.
		const report = (await (await fetch(`${base}/v1/batches/${batch.id}/analytics`, {headers: auth})).json()) as {counts: {opened: number}};
		const connection = connectRedis(redis.url);
		const usedMemory = /used_memory:(\d+)/.exec(await connection.info('memory'))?.[1];
		connection.disconnect();
		const first = memory[0]?.rssMiB ?? NaN;
		const last = memory.at(-1)?.rssMiB ?? NaN;
		return {
			events,
			links,
			concurrency,
			refused,
			elapsedS: +elapsedS.toFixed(1),
			eventsPerSecond: Math.round(events / elapsedS),
			openedCounted: report.counts.opened,
			apiRssMiB: memory,
			rssGrowthPercent: +(((last - first) / first) * 100).toFixed(1),
			redisUsedMiB: +(Number(usedMemory) / 1024 / 1024).toFixed(1),
		};
	} finally {
		api.kill('SIGTERM');
		await redis.stop();
	}
};
