import {createHash, randomBytes} from 'node:crypto';
import {Queue, Worker} from 'bullmq';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, type TestStack} from '../helpers/test-stack';
import {startWebhookReceiver} from '../helpers/webhook-receiver';
import {renderJobId} from '../../server/renders/render-queue';
import {KEY_TAG} from '../../server/platform/redis-connection';

const secret = `whsec_${randomBytes(24).toString('hex')}`;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let stack: TestStack;

beforeAll(async () => {
	receiver = await startWebhookReceiver({secret, failFirst: 0});
	// No worker yet: the test plays the worker that dies first.
	stack = await startTestStack({
		redisUrl: inject('redisUrl'),
		serveUrl: inject('serveUrl'),
		withWorker: false,
		tenant: {webhook: {url: receiver.url, secret}},
		webhookRetryBaseMs: 200,
	});
});
afterAll(async () => {
	await stack?.close();
	await receiver?.close();
});

const completedEvents = (renderId: string) =>
	receiver.received.filter(({event}) => event.type === 'render.completed' && 'render' in event.data && event.data.render.id === renderId);

describe('a worker killed between writing completed and queueing render.completed', () => {
	it('sends that render.completed exactly once when the job runs again, with the id derived from the render', async () => {
		const response = await fetch(`${stack.baseUrl}/v1/renders`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify({template: 'telco-bill', bill: {...shortBill, customer: {...shortBill.customer, id: 'CUST-CRASH'}}, scale: 0.25}),
		});
		expect(response.status).toBe(202);
		const {id: renderId} = (await response.json()) as {id: string};

		// The dying worker: takes the job, writes the record completed, and is killed before it tells anyone, so its
		// lock is never renewed and the job goes back to the queue.
		const dying = new Worker(stack.queue.queue.name, null, {connection: stack.redis, prefix: KEY_TAG, autorun: false, lockDuration: 300, stalledInterval: 200, maxStalledCount: 1});
		void dying.startStalledCheckTimer();
		expect((await dying.getNextJob('killed-worker'))?.id).toBe(renderJobId(renderId));
		const output = {durationInSeconds: 10, frames: 300, fps: 30, width: 480, height: 270, bytes: 1234};
		expect(await stack.store.markCompleted(renderId, output)).toMatchObject({status: 'completed'});
		await expect.poll(() => stack.queue.queue.getJobState(renderJobId(renderId)), {timeout: 20_000, interval: 100}).toBe('waiting');
		await dying.close();
		expect(await stack.deliveries.list({tenant: stack.tenantId, limit: 10})).toEqual([]);

		await stack.startWorker();
		await expect.poll(() => stack.queue.queue.getJobState(renderJobId(renderId)), {timeout: 60_000}).toBe('completed');
		await expect.poll(() => completedEvents(renderId).length, {timeout: 20_000}).toBe(1);
		const expectedId = `evt_${createHash('sha256').update(`render.completed:${renderId}`).digest('hex').slice(0, 32)}`;
		expect(completedEvents(renderId)[0]!.event.id).toBe(expectedId);
		await expect.poll(async () => (await stack.deliveries.get(expectedId))?.status, {timeout: 20_000}).toBe('delivered');

		// Run again (a lost lock, a sweeper): the delivery already made is not queued a second time.
		const rerun = await stack.queue.queue.add('render', {renderId}, {jobId: `${renderId}-rerun`});
		await expect.poll(() => stack.queue.queue.getJobState(rerun.id!), {timeout: 60_000}).toBe('completed');
		const webhookJobs = new Queue(`${stack.queue.queue.name}-webhooks`, {connection: stack.redis, prefix: KEY_TAG});
		expect(await webhookJobs.getJobCountByTypes('waiting', 'delayed', 'active')).toBe(0);
		await webhookJobs.close();
		expect(completedEvents(renderId)).toHaveLength(1);
		expect(await stack.deliveries.list({tenant: stack.tenantId, limit: 10})).toHaveLength(1);
		expect(await stack.store.get(renderId)).toMatchObject({status: 'completed', output});
	});
});
