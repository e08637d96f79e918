import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {connectApiRedis, type RedisClient} from '../../server/platform/redis-connection';
import {makeRenderQueue, type RenderQueue} from '../../server/renders/render-queue';
import {makeNarrationQueue, type NarrationQueue} from '../../server/voice/narration-queue';

// The API queues on its fail-fast connection, made just before the queues; BullMQ's own write of a queue's settings went
// nowhere, and the first render set BullMQ's default of 10,000 entries an event stream instead of the 1,000 kept.
const queueName = `events-kept-${randomBytes(4).toString('hex')}`;
let redis: RedisClient;
let renders: RenderQueue;
let narrations: NarrationQueue;

beforeAll(() => {
	redis = connectApiRedis(inject('redisUrl'));
	renders = makeRenderQueue({connection: redis, queueName});
	narrations = makeNarrationQueue({connection: redis, renderQueueName: queueName});
});

afterAll(async () => {
	await Promise.all([renders.queue.obliterate({force: true}), narrations.queue.obliterate({force: true})]);
	await Promise.all([renders.close(), narrations.close()]);
	redis.disconnect();
});

const eventsKept = async (queue: RenderQueue['queue'] | NarrationQueue['queue']) => (await queue.getMeta()).maxLenEvents;

describe("on the API's connection, the render and narration queues' event streams", () => {
	it('keep 1,000 entries from the first job', async () => {
		await expect.poll(() => redis.status).toBe('ready');
		await renders.enqueue('dev_first-render');
		await narrations.request('dev_first-render');
		await expect.poll(() => eventsKept(renders.queue)).toBe(1_000);
		await expect.poll(() => eventsKept(narrations.queue)).toBe(1_000);
	});

	it('keep 1,000 entries again once a Redis that lost them is back', async () => {
		await redis.del(renders.queue.toKey('meta'), narrations.queue.toKey('meta'));
		const back = new Promise((resolve) => redis.once('ready', resolve));
		redis.disconnect(true);
		await back;
		await renders.enqueue('dev_after-restart');
		await expect.poll(() => eventsKept(renders.queue)).toBe(1_000);
		await expect.poll(() => eventsKept(narrations.queue)).toBe(1_000);
	});
});
