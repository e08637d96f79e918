import {randomUUID} from 'node:crypto';
import {readdir, rename, rm, stat, writeFile} from 'node:fs/promises';
import {hostname} from 'node:os';
import {dirname, join} from 'node:path';
import type {Readable} from 'node:stream';
import {isAlivePid} from '../platform/processes';

/**
 * What a worker writes for a while carries its writer (host and pid), so a worker starting on the same host can tell a
 * dead worker's leftovers from a live worker's render in progress; another host's are left until they are a day old.
 */
export const writerTag = (): string => `${hostname()}-${process.pid}`;
const LEFTOVER_MAX_AGE_MS = 24 * 3600 * 1000;

/** Whether the file or folder at `path` was last written more than a day ago (one that is gone is not). */
export const isDayOld = async (path: string): Promise<boolean> => {
	const {mtimeMs} = await stat(path).catch(() => ({mtimeMs: Date.now()}));
	return Date.now() - mtimeMs > LEFTOVER_MAX_AGE_MS;
};

/** Whether the file or folder at `path`, tagged by `writerTag` with this host and pid, was left by a dead writer. */
export const isLeftover = async (path: string, host: string, pid: number): Promise<boolean> => {
	if (host === hostname()) return pid !== process.pid && !isAlivePid(pid);
	return isDayOld(path);
};

export const partialFile = (dir: string, extension = ''): string => join(dir, `.partial-${writerTag()}-${randomUUID()}${extension}`);
const PARTIAL_PATTERN = /^\.partial-(.+)-(\d+)-[0-9a-f-]{36}(?:\.\w+)?$/;

/** Deletes the half-written files of renders that will never finish (their worker died); answers how many. */
export const removeStalePartials = async (rendersDir: string): Promise<number> => {
	const dirs = await readdir(rendersDir, {withFileTypes: true}).catch(() => []);
	const removed = await Promise.all(
		dirs
			.filter((entry) => entry.isDirectory())
			.map(async ({name}) => {
				const dir = join(rendersDir, name);
				const files = (await readdir(dir).catch(() => [])).filter((file) => file.startsWith('.partial-'));
				const stale = await Promise.all(
					files.map((file) => {
						const [, host = '', pid] = PARTIAL_PATTERN.exec(file) ?? [];
						return isLeftover(join(dir, file), host, Number(pid));
					}),
				);
				const doomed = files.filter((_, index) => stale[index]);
				await Promise.all(doomed.map((file) => rm(join(dir, file), {force: true})));
				return doomed.length;
			}),
	);
	return removed.reduce((sum, count) => sum + count, 0);
};

/** Writes a file under a temporary name and renames it into place, so a reader never sees half of it. */
export const writeWhole = async (file: string, data: Buffer | string | Readable) => {
	const partial = partialFile(dirname(file));
	try {
		await writeFile(partial, data);
		await rename(partial, file);
	} finally {
		await rm(partial, {force: true});
	}
};
