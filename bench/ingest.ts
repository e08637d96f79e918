import {spawn} from 'node:child_process';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {startRedisServer} from '../server/dev/ensure-redis';
import {connectRedis} from '../server/platform/redis-connection';
import {makeRenderQueue} from '../server/renders/render-queue';
import {DEV_API_KEY} from '../server/tenants/tenant-registry';
import {freePort} from '../test/helpers/free-port';
import {benchCustomers} from './bench-customers';

/** The NDJSON body, produced while it is sent, as a telco's export job would stream it. */
const ndjsonBody = (bills: number) => {
	const [bill] = benchCustomers(1);
	return Readable.from(
		(function* () {
			for (let index = 0; index < bills; index++) {
				yield `${JSON.stringify({template: 'telco-bill', bill: {...bill, customer: {...bill!.customer, id: `INGEST-${index}`}}})}\n`;
			}
		})(),
	);
};

/**
 * A billing cycle of `bills` NDJSON lines posted to `POST /v1/batches` of a real API process, timed until the 202 that
 * says every line was checked and every good one queued. A private Redis (as `npm start` would run it: append-only,
 * noeviction) keeps the 100,000 render records out of the machine's own Redis; no worker runs.
 */
export const measureIngest = async <Extra extends object = object>({
	dir,
	bills,
	root,
	inspect,
}: {
	dir: string;
	bills: number;
	root: string;
	/** Looks at the private Redis before anything is queued (`baseline`) and once the batch is accepted. */
	inspect?: {baseline: (redisUrl: string) => Promise<void>; after: (redisUrl: string) => Promise<Extra>};
}) => {
	const redis = await startRedisServer({port: await freePort(), dir: join(dir, 'ingest-redis')});
	const port = await freePort();
	const queueName = `bench-ingest-${Date.now()}`;
	const api = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/api/api-main.ts')], {
		cwd: root,
		env: {...process.env, PORT: String(port), REDIS_URL: redis.url, BILLCAST_QUEUE: queueName, BILLCAST_DATA_DIR: join(dir, 'ingest-data')},
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	try {
		await new Promise<void>((ready, fail) => {
			api.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && ready());
			api.once('exit', (code) => fail(new Error(`the API exited with ${code}`)));
		});
		await inspect?.baseline(redis.url);
		const started = Date.now();
		const response = await fetch(`http://127.0.0.1:${port}/v1/batches`, {
			method: 'POST',
			headers: {authorization: `Bearer ${DEV_API_KEY}`, 'content-type': 'application/x-ndjson'},
			body: Readable.toWeb(ndjsonBody(bills)) as ReadableStream,
			duplex: 'half',
		} as RequestInit);
		const answer = (await response.json()) as {accepted?: number; rejected?: number};
		const elapsedS = (Date.now() - started) / 1000;
		if (response.status !== 202) throw new Error(`POST /v1/batches answered ${response.status}: ${JSON.stringify(answer)}`);
		const connection = connectRedis(redis.url);
		const {queue, close} = makeRenderQueue({connection, queueName});
		const counted = await queue.getJobCountByTypes('waiting', 'prioritized');
		await close();
		connection.disconnect();
		const extra = await inspect?.after(redis.url);
		return {
			bills,
			accepted: answer.accepted,
			rejected: answer.rejected,
			queued: counted,
			elapsedS: +elapsedS.toFixed(1),
			billsPerSecond: Math.round(bills / elapsedS),
			...extra,
		};
	} finally {
		api.kill('SIGTERM');
		await redis.stop();
	}
};
