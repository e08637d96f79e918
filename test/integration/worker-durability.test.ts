import {createHash, randomBytes} from 'node:crypto';
import {Worker} from 'bullmq';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {browserOwner, markedProcesses} from '../../server/worker/browser';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';
import {startWebhookReceiver} from '../helpers/webhook-receiver';
import {KEY_TAG} from '../../server/platform/redis-connection';
import {renderJobId} from '../../server/renders/render-queue';

const secret = `whsec_${randomBytes(24).toString('hex')}`;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let stack: TestStack;

beforeAll(async () => {
	receiver = await startWebhookReceiver({secret, failFirst: 0});
	// The worker starts later: the first test prepares a stalled job before any worker may take it.
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

const post = async (body: unknown) => {
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify(body),
	});
	return {status: response.status, body: (await response.json()) as {id: string; status: string; error?: {code: string}}};
};

const eventsOf = (renderId: string, type: string) =>
	receiver.received.filter(({event}) => event.type === type && 'render' in event.data && event.data.render.id === renderId);

/** Takes the job as a worker would, then never renews its lock: what a worker killed with -9 leaves in Redis. */
const stallOnce = async (thief: Worker, renderId: string, round: number) => {
	const job = await thief.getNextJob(`dead-worker-${round}`);
	expect(job?.id).toBe(renderJobId(renderId));
	await expect.poll(() => stack.queue.queue.getJobState(renderJobId(renderId)), {timeout: 20_000, interval: 100}).toBe('waiting');
};

describe('renders end once, whatever happens to their worker', () => {
	const stalledRender = {template: 'telco-bill', bill: {...shortBill, customer: {...shortBill.customer, id: 'CUST-STALLED'}}, scale: 0.25};
	let renderId: string;

	it('fails a job that stalled twice, tells the tenant, and renders it when the bill is posted again', async () => {
		const created = await post(stalledRender);
		expect(created.status).toBe(202);
		renderId = created.body.id;
		const thief = new Worker(stack.queue.queue.name, null, {
			connection: stack.redis,
			prefix: KEY_TAG,
			autorun: false,
			lockDuration: 300,
			stalledInterval: 200,
			maxStalledCount: 1,
		});
		void thief.startStalledCheckTimer();
		await stallOnce(thief, renderId, 1);
		await stallOnce(thief, renderId, 2);
		await thief.close();

		await stack.startWorker();
		const failed = await waitForRender(stack, renderId);
		expect(failed).toMatchObject({status: 'failed', error: {code: 'worker_lost'}});
		await expect.poll(() => eventsOf(renderId, 'render.failed').length, {timeout: 20_000}).toBe(1);

		const again = await post(stalledRender);
		expect(again.body).toMatchObject({id: renderId, status: 'queued'});
		expect(await waitForRender(stack, renderId)).toMatchObject({status: 'completed'});
	});

	it('sends one render.completed, with an id derived from the render, however often the job runs', async () => {
		await expect.poll(() => eventsOf(renderId, 'render.completed').length, {timeout: 20_000}).toBe(1);
		const [completed] = eventsOf(renderId, 'render.completed');
		const expectedId = `evt_${createHash('sha256').update(`render.completed:${renderId}`).digest('hex').slice(0, 32)}`;
		expect(completed!.event.id).toBe(expectedId);
		const before = (await stack.store.get(renderId))!;

		// BullMQ runs a job again when its worker lost the lock (a Redis outage): the same render under another job.
		const rerun = await stack.queue.queue.add('render', (await stack.queue.queue.getJob(renderJobId(renderId)))!.data, {jobId: `${renderId}-rerun`});
		await expect.poll(async () => stack.queue.queue.getJobState(rerun.id!), {timeout: 60_000}).toBe('completed');
		// A late progress write or failure from a worker that lost its lock cannot reopen or end it again either.
		await stack.store.markRendering(renderId, 0.3, 2);
		expect(await stack.store.markFailed(renderId, {code: 'render_failed', message: 'late'})).toBeUndefined();
		if (before.status !== 'completed') throw new Error(`render ${renderId} is ${before.status}`);
		expect(await stack.store.markCompleted(renderId, before.output)).toBeUndefined();
		expect(await stack.store.get(renderId)).toEqual(before);
		// The delivery worker has had every chance to send a second event: any it was given is queued by now.
		expect(await stack.deliveries.get(expectedId)).toMatchObject({status: 'delivered'});
		expect(eventsOf(renderId, 'render.completed')).toHaveLength(1);
	});

	it('keeps the worker to one browser over failing renders (a logo the browser cannot decode)', async () => {
		const worker = stack.worker!;
		const groups = async () => new Set((await markedProcesses()).filter(({owner, pgid}) => owner === browserOwner() && pgid !== process.pid).map(({pgid}) => pgid)).size;
		const browsersBefore = await groups();
		const processesBefore = await worker.browser.processCount();
		expect(browsersBefore).toBe(1);
		const ids: string[] = [];
		for (const n of [1, 2]) {
			const bill = {
				...shortBill,
				customer: {...shortBill.customer, id: `CUST-LOGO-${n}-${randomBytes(3).toString('hex')}`},
				// Inline, so it reaches the render browser (a remote logo is fetched, or refused, by the worker before any page opens).
				brand: {...shortBill.brand, logoUrl: `data:image/png;base64,${randomBytes(24).toString('base64')}`},
			};
			ids.push((await post({template: 'telco-bill', bill, scale: 0.25})).body.id);
		}
		for (const id of ids) expect(await waitForRender(stack, id)).toMatchObject({status: 'failed'});
		// Each failed attempt makes Remotion swap the worker's browser for one of its own; that one is killed when the
		// attempt ends and the warm browser reopens, so there is always exactly one.
		await expect.poll(groups, {timeout: 15_000, interval: 500}).toBe(browsersBefore);
		await expect.poll(() => worker.browser.processCount(), {timeout: 15_000, interval: 500}).toBe(processesBefore);
		for (const id of ids) await expect.poll(() => eventsOf(id, 'render.failed').length, {timeout: 20_000}).toBe(1);
	});
});
