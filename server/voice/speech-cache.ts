import {createHash, randomUUID} from 'node:crypto';
import {mkdir, readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {LRUCache} from 'lru-cache';

/**
 * WAVs of single sentences, stored under a digest of everything that shapes the sound (engine build, voice, locale,
 * text). A sentence that is the same for every customer of a template, locale and brand ("Where it goes.") is
 * therefore synthesized once and shared, with no list of which ones those are.
 */
export interface SpeechCache {
	readonly keyOf: (parts: {engine: string; version: string; voice: string; locale: string; text: string}) => string;
	readonly get: (key: string) => Promise<Buffer | undefined>;
	readonly put: (key: string, wav: Buffer) => Promise<string>;
}

/**
 * Sentences naming a customer or an amount are rarely said twice, so without a bound the folder would grow with every
 * bill. A few hundred MB hold the shared sentences of many templates, locales and brands many times over.
 */
const SPEECH_CACHE_MAX_BYTES = 256 * 1024 * 1024;

const KEY_FILE = /^([0-9a-f]{64})\.wav$/;

/**
 * The cache on disk, kept under `maxBytes` by evicting the sentences used least recently. The recency index lives in
 * the process and is seeded from the folder (oldest files first) at the first use, so a restart keeps the bound;
 * workers sharing one folder each bound what they wrote or read.
 */
export const createSpeechCache = ({dir, maxBytes = SPEECH_CACHE_MAX_BYTES}: {dir: string; maxBytes?: number}): SpeechCache => {
	const pathOf = (key: string) => join(dir, key.slice(0, 2), `${key}.wav`);
	const index = new LRUCache<string, number>({
		maxSize: maxBytes,
		sizeCalculation: (bytes) => Math.max(1, bytes),
		dispose: (_bytes, key, reason) => {
			if (reason === 'evict') void rm(pathOf(key), {force: true});
		},
	});
	const seed = async () => {
		const shards = await readdir(dir).catch(() => []);
		const files = await Promise.all(
			shards.map(async (shard) =>
				Promise.all(
					(await readdir(join(dir, shard)).catch(() => [])).flatMap((name) => {
						const key = KEY_FILE.exec(name)?.[1];
						return key ? [stat(join(dir, shard, name)).then(({size, mtimeMs}) => ({key, size, mtimeMs}), () => undefined)] : [];
					}),
				),
			),
		);
		for (const file of files.flat().sort((a, b) => (a?.mtimeMs ?? 0) - (b?.mtimeMs ?? 0))) if (file) index.set(file.key, file.size);
	};
	let seeded: Promise<void> | undefined;
	const ready = () => (seeded ??= seed());
	return {
		keyOf: ({engine, version, voice, locale, text}) =>
			createHash('sha256').update(JSON.stringify([engine, version, voice, locale, text])).digest('hex'),
		get: async (key) => {
			await ready();
			try {
				const wav = await readFile(pathOf(key));
				// A hit makes the sentence the most recently used.
				if (index.get(key) === undefined) index.set(key, wav.length);
				return wav;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
				index.delete(key);
				return undefined;
			}
		},
		put: async (key, wav) => {
			await ready();
			const path = pathOf(key);
			await mkdir(dirname(path), {recursive: true});
			// Written aside and renamed, so a worker reading concurrently never sees half a file.
			const partial = `${path}.${randomUUID()}.part`;
			await writeFile(partial, wav);
			await rename(partial, path);
			index.set(key, wav.length);
			return path;
		},
	};
};
