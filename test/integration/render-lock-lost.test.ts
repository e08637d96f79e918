import {afterAll, beforeAll, expect, inject, it} from 'vitest';
import {renderJobId} from '../../server/renders/render-queue';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
const logLines: {msg: string; renderId?: string}[] = [];

beforeAll(async () => {
	// Locks renewed every half second, so a lost one is noticed while a short render is still being drawn.
	stack = await startTestStack({
		redisUrl: inject('redisUrl'),
		serveUrl: inject('serveUrl'),
		withWorker: true,
		logDestination: {write: (line: string) => void logLines.push(JSON.parse(line) as {msg: string})},
		renderWorker: {locks: {lockDuration: 2_000, stalledInterval: 500, maxStalledCount: 1}},
	});
});
afterAll(async () => {
	await stack?.close();
});

const storedKeys = async (renderId: string): Promise<string[]> => {
	const keys: string[] = [];
	for await (const object of stack.storage.list(`${renderId}/`)) keys.push(object.key);
	return keys;
};
const linesOf = (renderId: string, msg: string) => logLines.filter((line) => line.renderId === renderId && line.msg === msg);

// An operator audit: after a Redis outage longer than the lock, the stalled check queued a render again and a second
// worker drew it, while the first drew on to the end and wrote the same outputs ("renders drawn twice").
it('stops drawing a render whose job lock another worker took, writes nothing, and the render completes once', async () => {
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({template: 'telco-bill', bill: {...shortBill, customer: {...shortBill.customer, id: 'CUST-LOCK-LOST'}}, scale: 0.2}),
	});
	expect(response.status).toBe(202);
	const {id: renderId} = (await response.json()) as {id: string};
	await expect.poll(async () => {
		const record = await stack.store.get(renderId);
		return record?.status === 'rendering' && record.progress > 0;
	}, {timeout: 60_000, interval: 20}).toBe(true);

	// Another worker takes the job, as after the stalled check queued it again: the lock now holds its token.
	const lockKey = `${stack.queue.queue.toKey(renderJobId(renderId))}:lock`;
	await stack.redis.set(lockKey, 'the-other-workers-token', 'PX', 60_000);
	await expect.poll(() => linesOf(renderId, 'render stopped: its job lock is lost, another worker renders it').length + linesOf(renderId, 'render completed').length, {timeout: 60_000, interval: 50}).toBe(1);
	expect(linesOf(renderId, 'render completed')).toEqual([]);
	expect(await storedKeys(renderId)).toEqual([]);
	const whileTaken = await stack.store.get(renderId);
	expect(whileTaken?.status).toBe('rendering');
	// Not drawn to the end: the frames were given up as soon as a renewal failed.
	expect(whileTaken?.status === 'rendering' && whileTaken.progress).toBeLessThan(0.9);

	// That worker dies without a word: its lock expires, the stalled check queues the job again, and this worker draws it.
	await stack.redis.del(lockKey);
	expect(await waitForRender(stack, renderId)).toMatchObject({status: 'completed'});
	expect(linesOf(renderId, 'render completed')).toHaveLength(1);
	expect(await storedKeys(renderId)).toContain(`${renderId}/video.mp4`);
}, 180_000);
