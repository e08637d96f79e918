import {createReadStream} from 'node:fs';
import {mkdir, readdir, rm, rmdir, stat} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import type {RenderStorage, StoredObject} from './render-storage';
import {removeStalePartials, writeWhole} from './partial-files';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
const notAFolder = (error: unknown) => isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR';

const namesIn = async (folder: string): Promise<string[]> =>
	(
		await readdir(folder).catch((error: unknown) => {
			if (notAFolder(error)) return [];
			throw error;
		})
	).filter((name) => !name.startsWith('.'));

/**
 * Render outputs in a folder, as `npm start` keeps them (`.data/renders/<renderId>/<file>`). Keys are built from
 * verified render ids and fixed file names, never from a request, so they cannot climb out of the folder.
 */
export const makeLocalStorage = ({dir}: {dir: string}): RenderStorage => {
	const pathOf = (key: string) => join(dir, ...key.split('/'));
	const put = async (key: string, body: Parameters<RenderStorage['put']>[1]) => {
		const file = pathOf(key);
		await mkdir(dirname(file), {recursive: true});
		await writeWhole(file, body);
	};
	const storage: RenderStorage = {
		kind: 'local',
		put,
		putFile: (key, file) => put(key, createReadStream(file)),
		async stat(key) {
			const info = await stat(pathOf(key)).catch((error: unknown) => {
				if (isMissing(error)) return undefined;
				throw error;
			});
			return info?.isFile() ? {key, bytes: info.size, modifiedMs: info.mtimeMs} : undefined;
		},
		async exists(key) {
			return (await storage.stat(key)) !== undefined;
		},
		async read(key, range) {
			if (!(await storage.exists(key))) return undefined;
			return createReadStream(pathOf(key), range ? {start: range.start, end: range.end} : {});
		},
		async delete(keys) {
			await Promise.all(keys.map((key) => rm(pathOf(key), {force: true})));
			// A render's folder goes with its last file.
			const folders = new Set(keys.map((key) => dirname(pathOf(key))).filter((folder) => folder !== dir));
			await Promise.all([...folders].map((folder) => rmdir(folder).catch(() => undefined)));
		},
		async *list(prefix) {
			// A render's folder at a time, so its files come together. Dot-files are writes in progress.
			const folders = prefix.includes('/') ? [prefix.slice(0, prefix.indexOf('/'))] : (await namesIn(dir)).filter((name) => name.startsWith(prefix));
			for (const folder of folders) {
				for (const name of await namesIn(join(dir, folder))) {
					const key = `${folder}/${name}`;
					const found: StoredObject | undefined = key.startsWith(prefix) ? await storage.stat(key) : undefined;
					if (found) yield found;
				}
			}
		},
		signedUrl: async () => undefined,
		signedUrlOrigin: undefined,
		removeStalePartials: () => removeStalePartials(dir),
	};
	return storage;
};
