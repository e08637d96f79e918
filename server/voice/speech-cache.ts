import {createHash, randomUUID} from 'node:crypto';
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';

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

export const createSpeechCache = ({dir}: {dir: string}): SpeechCache => {
	const pathOf = (key: string) => join(dir, key.slice(0, 2), `${key}.wav`);
	return {
		keyOf: ({engine, version, voice, locale, text}) =>
			createHash('sha256').update(JSON.stringify([engine, version, voice, locale, text])).digest('hex'),
		get: async (key) => {
			try {
				return await readFile(pathOf(key));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
				throw error;
			}
		},
		put: async (key, wav) => {
			const path = pathOf(key);
			await mkdir(dirname(path), {recursive: true});
			// Written aside and renamed, so a worker reading concurrently never sees half a file.
			const partial = `${path}.${randomUUID()}.part`;
			await writeFile(partial, wav);
			await rename(partial, path);
			return path;
		},
	};
};
