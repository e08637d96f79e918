import {connectRedis} from '../server/redis-connection';
import {makeRenderQueue} from '../server/render-queue';
import {billRenderRequestSchema} from '../server/render-request-schema';
import {benchCustomers} from './bench-customers';

const CHUNK = 1_000;

/**
 * A billing cycle of `bills` NDJSON lines: each line parsed and validated with the API's schema, then queued with
 * BullMQ's addBulk in chunks. No worker runs; the queue is removed afterwards.
 */
export const measureIngest = async ({redisUrl, bills}: {redisUrl: string; bills: number}) => {
	const [template] = benchCustomers(1);
	const ndjson = Array.from({length: bills}, (_, index) =>
		JSON.stringify({template: 'telco-bill', bill: {...template, customer: {...template!.customer, id: `INGEST-${index}`}}}),
	).join('\n');
	const redis = connectRedis(redisUrl);
	const {queue, close} = makeRenderQueue({connection: redis, queueName: `bench-ingest-${Date.now()}`});
	const started = Date.now();
	let chunk: Parameters<typeof queue.addBulk>[0] = [];
	let queued = 0;
	for (const line of ndjson.split('\n')) {
		const request = billRenderRequestSchema.parse(JSON.parse(line));
		const renderId = `ingest_${request.bill.customer.id}`;
		chunk.push({name: 'render', data: {...request, tenant: 'bench', renderId}, opts: {jobId: renderId}});
		if (chunk.length === CHUNK) {
			await queue.addBulk(chunk);
			queued += chunk.length;
			chunk = [];
		}
	}
	if (chunk.length) queued += (await queue.addBulk(chunk)).length;
	const elapsedS = (Date.now() - started) / 1000;
	const counted = await queue.getJobCountByTypes('waiting', 'prioritized');
	await queue.obliterate({force: true});
	await close();
	redis.disconnect();
	return {bills, queued, counted, elapsedS: +elapsedS.toFixed(1), billsPerSecond: Math.round(bills / elapsedS)};
};
