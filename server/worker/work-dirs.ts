import {mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {isLeftover, writerTag} from '../storage/partial-files';

/** A render's frames and video, a narration's WAVs, the narration worker's copy of the track. */
type WorkDirKind = 'render' | 'narration' | 'narrate';

/**
 * A temporary folder named for this worker (host and pid): a worker killed mid-render (kill -9, OOM) never removes its
 * own, about 32 MB at scale 0.5, so the next worker to start on this machine does (`removeDeadWorkersDirs`).
 */
export const makeWorkDir = (kind: WorkDirKind, dir = tmpdir()): Promise<string> => mkdtemp(join(dir, `billcast-${kind}-${writerTag()}-`));

// mkdtemp adds six characters.
const WORK_DIR_PATTERN = /^billcast-(?:render|narration|narrate)-(.+)-(\d+)-\w{6}$/;

/** Deletes the work folders of dead workers, which several workers sharing this machine's tmp may have left; answers how many. */
export const removeDeadWorkersDirs = async (dir = tmpdir()): Promise<number> => {
	const entries = await readdir(dir, {withFileTypes: true}).catch(() => []);
	const removed = await Promise.all(
		entries.map(async (entry) => {
			const [, host, pid] = WORK_DIR_PATTERN.exec(entry.name) ?? [];
			if (!entry.isDirectory() || !host || !pid || !(await isLeftover(join(dir, entry.name), host, Number(pid)))) return false;
			await rm(join(dir, entry.name), {recursive: true, force: true});
			return true;
		}),
	);
	return removed.filter(Boolean).length;
};
