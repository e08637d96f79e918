import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, expect, inject, it} from 'vitest';
import {connectRedis, KEY_TAG, scanKeys, type RedisClient} from '../../server/platform/redis-connection';
import {makeNarrationQueue, narrationQueueName, type NarrationQueue} from '../../server/voice/narration-queue';

// Every queued bill has a narration job beside its render job; one holding the long render id in its key, its options
// and the priority set was a hash table of about 770 bytes instead of a compact list of about 300.
const renderQueue = `narration-bytes-${randomBytes(4).toString('hex')}`;
const renderIds = ['dev_INGEST-0_2026-11-01_0123456789ab', 'dev_INGEST-1_2026-11-01_0123456789ab'];
let redis: RedisClient;
let narrations: NarrationQueue;

beforeAll(() => {
	redis = connectRedis(inject('redisUrl'));
	narrations = makeNarrationQueue({connection: redis, renderQueueName: renderQueue});
});

afterAll(async () => {
	await narrations.queue.obliterate({force: true});
	await narrations.close();
	redis.disconnect();
});

it("a batch's narration jobs are short ids in Redis's compact encoding, found again by render id", async () => {
	await narrations.requestBatch(renderIds);
	await narrations.request(renderIds[0]!);
	const jobKeys: string[] = [];
	for await (const page of scanKeys(redis, `${KEY_TAG}:${narrationQueueName(renderQueue)}:*`)) jobKeys.push(...page.filter((key) => !/:(meta|id|events|prioritized|marker|pc|wait)$/.test(key)));
	expect(jobKeys).toHaveLength(2);
	for (const key of jobKeys) {
		expect(key.split(':').at(-1)).toMatch(/^n[A-Za-z0-9_-]{16}$/);
		expect(await redis.object('ENCODING', key)).toBe('listpack');
	}
	expect(await Promise.all(renderIds.map((id) => narrations.state(id)))).toEqual(['prioritized', 'prioritized']);
	expect(await narrations.state('dev_never-queued')).toBe('unknown');
});
