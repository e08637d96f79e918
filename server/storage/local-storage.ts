import {constants, createReadStream} from 'node:fs';
import {access, mkdir, readdir, rm, rmdir, stat} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {ConfigError} from '../platform/errors';
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
			// Folder by folder, so a render's files come together; only folders that can hold keys under the prefix are
			// read. Keys are always in a folder (`<renderId>/<file>`, `tenants/<tenant>/<file>`): a file loose in the root is
			// none of storage's.
			const walk = async function* (folder: string): AsyncGenerator<StoredObject> {
				for (const name of await namesIn(folder ? pathOf(folder) : dir)) {
					const key = folder ? `${folder}/${name}` : name;
					if (!key.startsWith(prefix) && !prefix.startsWith(`${key}/`)) continue;
					const found = folder ? await storage.stat(key) : undefined;
					if (found) yield found;
					else yield* walk(key);
				}
			};
			yield* walk('');
		},
		signedUrl: async () => undefined,
		signedUrlOrigin: undefined,
		async check() {
			try {
				await mkdir(dir, {recursive: true});
				await access(dir, constants.W_OK);
			} catch (error) {
				throw new ConfigError(`BILLCAST_RENDERS_DIR: ${dir} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
			}
		},
		removeStalePartials: () => removeStalePartials(dir),
	};
	return storage;
};
