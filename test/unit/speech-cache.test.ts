import {mkdtempSync} from 'node:fs';
import {readdir, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createSpeechCache} from '../../server/voice/speech-cache';

const wavOf = (bytes: number, fill: number) => Buffer.alloc(bytes, fill);

/** Every sentence file in the cache folder and their total size. */
const onDisk = async (dir: string) => {
	const shards = await readdir(dir);
	const files = (await Promise.all(shards.map(async (shard) => (await readdir(join(dir, shard))).map((name) => join(dir, shard, name))))).flat();
	const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
	return {count: files.length, bytes: sizes.reduce((sum, size) => sum + size, 0)};
};

const keyOf = (cache: ReturnType<typeof createSpeechCache>, text: string) => cache.keyOf({engine: 'espeak-ng', version: '1', voice: 'en-gb', locale: 'en-GB', text});

describe('the speech cache', () => {
	it('stays under its size on disk, evicting the sentence used least recently', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'billcast-speech-cache-'));
		const cache = createSpeechCache({dir, maxBytes: 3_000});
		const [a, b, c, d] = ['Where it goes.', 'Thank you.', 'Hi Giulia.', 'Pay now.'].map((text) => keyOf(cache, text)) as [string, string, string, string];
		await cache.put(a, wavOf(1_000, 1));
		await cache.put(b, wavOf(1_000, 2));
		await cache.put(c, wavOf(1_000, 3));
		// "Where it goes." is said again: it is now the most recent, so "Thank you." is the one to go.
		expect((await cache.get(a))?.[0]).toBe(1);
		await cache.put(d, wavOf(1_000, 4));
		await expect.poll(async () => (await onDisk(dir)).count).toBe(3);
		expect((await onDisk(dir)).bytes).toBeLessThanOrEqual(3_000);
		expect(await cache.get(b)).toBeUndefined();
		expect((await cache.get(a))?.[0]).toBe(1);
		expect((await cache.get(d))?.[0]).toBe(4);
	});

	it('keeps the bound across a restart: the folder is read back, oldest first', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'billcast-speech-cache-'));
		const first = createSpeechCache({dir, maxBytes: 10_000});
		for (const [index, text] of ['One.', 'Two.', 'Three.'].entries()) await first.put(keyOf(first, text), wavOf(1_000, index + 1));
		const restarted = createSpeechCache({dir, maxBytes: 2_500});
		await restarted.put(keyOf(restarted, 'Four.'), wavOf(1_000, 4));
		await expect.poll(async () => (await onDisk(dir)).bytes).toBeLessThanOrEqual(2_500);
		expect(await restarted.get(keyOf(restarted, 'Four.'))).toBeDefined();
	});
});
