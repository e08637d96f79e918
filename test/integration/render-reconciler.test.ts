import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {Worker} from 'bullmq';
import {KEY_TAG} from '../../server/platform/redis-connection';
import {makeLogger} from '../../server/platform/logger';
import {renderJobId} from '../../server/renders/render-queue';
import {makeRenderReconciler} from '../../server/renders/render-reconciler';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack;

beforeAll(async () => {
	// No worker: jobs stay queued, where the test can take them away.
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
});
afterAll(async () => {
	await stack?.close();
});

const post = async (path: string, body: unknown) => {
	const response = await fetch(`${stack.baseUrl}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth}, body: JSON.stringify(body)});
	expect(response.status).toBe(202);
	return response.json() as Promise<Record<string, unknown>>;
};
const billNumbered = (number: string) => ({template: 'telco-bill', scale: 0.2, bill: {...shortBill, billNumber: number, customer: {...shortBill.customer, id: `C-${number}`}}});
const hasJob = async (renderId: string) => (await stack.queue.queue.getJob(renderJobId(renderId))) !== undefined;
const reconciler = (graceMs: number) => makeRenderReconciler({redis: stack.redis, store: stack.store, queue: stack.queue, logger: makeLogger({service: 'worker', level: 'silent'}), graceMs});

describe('records and jobs never disagree', () => {
	it('queue again a queued render whose job was deleted from BullMQ, once, and leave a fresh one to its ingest', async () => {
		const {id} = (await post('/v1/renders', billNumbered('REC-1'))) as {id: string};
		expect(await hasJob(id)).toBe(true);
		await stack.queue.queue.remove(renderJobId(id));
		expect(await hasJob(id)).toBe(false);

		// Within the grace a record may still be waiting for the job its ingest is about to add.
		expect(await reconciler(60_000).run()).toEqual([]);
		expect(await hasJob(id)).toBe(false);

		expect(await reconciler(0).run()).toEqual([id]);
		expect(await hasJob(id)).toBe(true);
		expect((await stack.store.get(id))?.status).toBe('queued');
		// A second pass (another worker's) finds nothing to do.
		expect(await reconciler(0).run()).toEqual([]);
	});

	it('queue again a queued render whose job ended, as when a worker died just after the job of a render posted again', async () => {
		const {id} = (await post('/v1/renders', billNumbered('REC-2'))) as {id: string};
		// Its job ends without touching the record, as the render's previous job did after the record was reset. A single
		// render's job is unprioritised, so it is taken before the batch priority REC-1 was queued again with.
		const worker = new Worker(stack.queue.queue.name, null, {connection: stack.redis.duplicate(), prefix: KEY_TAG});
		const job = await worker.getNextJob('test-token');
		expect(job?.data).toEqual({renderId: id});
		await job!.moveToCompleted(undefined, 'test-token', false);
		await worker.close();
		expect(await stack.queue.queue.getJobState(renderJobId(id))).toBe('completed');
		expect((await stack.store.get(id))?.status).toBe('queued');

		expect(await reconciler(0).run()).toEqual([id]);
		expect(await stack.queue.queue.getJobState(renderJobId(id))).toBe('prioritized');
		expect(await reconciler(0).run()).toEqual([]);
	});

	it('queue again, when a batch is retried, its renders still queued without a job and its failed ones', async () => {
		const lines = ['REC-B1', 'REC-B2', 'REC-B3'].map(billNumbered);
		const first = (await post('/v1/batches', lines)) as {id: string};
		const exported = await (await fetch(`${stack.baseUrl}/v1/batches/${first.id}/export.ndjson`, {headers: stack.auth})).text();
		const [lost, failed, kept] = exported
			.trim()
			.split('\n')
			.map((line) => (JSON.parse(line) as {renderId: string}).renderId);
		// The first attempt stopped after writing the record of `lost` but before its job; `failed` rendered and failed.
		await stack.queue.queue.remove(renderJobId(lost!));
		await stack.queue.queue.remove(renderJobId(failed!));
		expect(await stack.store.markFailed(failed!, {code: 'render_failed', message: 'test'})).toMatchObject({status: 'failed'});

		const retry = (await post('/v1/batches', lines)) as {accepted: number};
		expect(retry.accepted).toBe(3);
		for (const id of [lost!, failed!, kept!]) {
			expect(await hasJob(id), id).toBe(true);
			expect((await stack.store.get(id))?.status).toBe('queued');
		}
	});

	it('a stop waits for the pass under way, so a worker that closes Redis next logs no failed pass', async () => {
		const {id} = (await post('/v1/renders', billNumbered('REC-STOP'))) as {id: string};
		await stack.queue.queue.remove(renderJobId(id));
		const redis = stack.redis.duplicate();
		const lines: string[] = [];
		const logger = makeLogger({service: 'worker', destination: {write: (line: string) => void lines.push(line)}});
		const stop = makeRenderReconciler({redis, store: stack.store, queue: stack.queue, logger, graceMs: 0}).start();
		await stop();
		expect(await hasJob(id)).toBe(true);
		redis.disconnect();
		expect(lines.filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
	});
});
