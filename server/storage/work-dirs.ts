import {mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {isDayOld, isLeftover, writerTag} from './partial-files';

/**
 * A render's frames and video, a narration's WAVs, the narration worker's copy of the track, Festival's sentences (in a
 * worker), an uploaded music bed being normalized (in the API), a worker's own tmp (see `useProcessTmpDir`).
 */
const WORK_DIR_KINDS = ['render', 'narration', 'narrate', 'festival', 'music-bed', 'worker'] as const;
type WorkDirKind = (typeof WORK_DIR_KINDS)[number];

/**
 * A temporary folder named for this process (host and pid), a worker's or the API's: a process killed mid-render
 * (kill -9, OOM) never removes its own, about 32 MB at scale 0.5, so the next worker to start on this machine does
 * (`removeDeadProcessesDirs`), and never one of a process that still runs.
 */
export const makeWorkDir = (kind: WorkDirKind, dir = tmpdir()): Promise<string> => mkdtemp(join(dir, `billcast-${kind}-${writerTag()}-`));

// mkdtemp adds six letters or digits.
const WORK_DIR_PATTERN = new RegExp(`^billcast-(?:${WORK_DIR_KINDS.join('|')})-(.+)-(\\d+)-[A-Za-z0-9]{6}$`);
/**
 * The names earlier versions gave the same folders, without their writer: no process can be told dead by them, so
 * they go once they are a day old, longer than any render or upload takes.
 */
const UNTAGGED_WORK_DIR_PATTERN = /^billcast-(?:render|narration|narrate|frames|festival|music-bed)-[A-Za-z0-9]{6}$/;

/** The machine's tmp, where every process's work folders sit, once this process has a tmp of its own inside it. */
let machineTmp: string | undefined;

/**
 * Makes a folder named for this process its TMPDIR, for everything it and its children (Remotion, Chromium) put in
 * tmp under names that do not say whose they are: the compositions bundle (27 MB), the browser's profile, Remotion's
 * asset folders. A worker killed with kill -9 leaves them in this one folder, which the next start on the machine
 * removes like any dead process's work folder; `remove` is for a clean stop.
 */
export const useProcessTmpDir = async (): Promise<{readonly dir: string; remove(): Promise<void>}> => {
	machineTmp ??= tmpdir();
	const dir = await makeWorkDir('worker', machineTmp);
	process.env.TMPDIR = dir;
	return {dir, remove: () => rm(dir, {recursive: true, force: true})};
};

/** Whether the folder `name` in `dir` is a work folder nothing will come back for. */
const isAbandoned = async (dir: string, name: string): Promise<boolean> => {
	const [, host, pid] = WORK_DIR_PATTERN.exec(name) ?? [];
	if (host && pid) return isLeftover(join(dir, name), host, Number(pid));
	return UNTAGGED_WORK_DIR_PATTERN.test(name) && isDayOld(join(dir, name));
};

/**
 * Deletes the work folders of dead processes, which several workers (and the API) sharing this machine's tmp may have
 * left, and those of earlier versions a day old; answers how many.
 */
export const removeDeadProcessesDirs = async (dir = machineTmp ?? tmpdir()): Promise<number> => {
	const entries = await readdir(dir, {withFileTypes: true}).catch(() => []);
	const removed = await Promise.all(
		entries.map(async (entry) => {
			if (!entry.isDirectory() || !(await isAbandoned(dir, entry.name))) return false;
			await rm(join(dir, entry.name), {recursive: true, force: true});
			return true;
		}),
	);
	return removed.filter(Boolean).length;
};
