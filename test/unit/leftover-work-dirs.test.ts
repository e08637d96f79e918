import {spawnSync} from 'node:child_process';
import {mkdir, mkdtemp, readdir, rm, utimes, writeFile} from 'node:fs/promises';
import {hostname, tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {makeWorkDir, removeDeadProcessesDirs} from '../../server/storage/work-dirs';

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'leftover-work-dirs-'));
});
afterEach(() => rm(dir, {recursive: true, force: true}));

/** A pid no process has any more: a child that has exited. */
const deadPid = (): number => {
	const {pid} = spawnSync('true');
	if (!pid) throw new Error('could not start a child');
	return pid;
};

const folder = async (name: string, ageMs = 0) => {
	await mkdir(join(dir, name));
	await writeFile(join(dir, name, 'narration.m4a'), 'audio');
	const when = new Date(Date.now() - ageMs);
	await utimes(join(dir, name), when, when);
};

describe('work folders a killed worker left in tmp', () => {
	it("are removed at start when their worker is dead, and a live worker's are kept", async () => {
		const dead = deadPid();
		const day = 24 * 3600 * 1000;
		await folder(`billcast-render-${hostname()}-${dead}-aB3xY9`);
		await folder(`billcast-narration-${hostname()}-${dead}-Qw12er`);
		await folder(`billcast-narrate-${hostname()}-${dead}-zz99ZZ`);
		// Another host's (a shared tmp) cannot be asked whether it lives: kept until it is a day old.
		await folder(`billcast-render-other-host-${dead}-abcdef`);
		await folder(`billcast-render-old-host-${dead}-ghijkl`, day + 60_000);
		// Not a worker's folder at all.
		await folder(`billcast-speech-cache`);
		const live = await makeWorkDir('render', dir);
		const liveNarration = await makeWorkDir('narration', dir);
		expect(live).toContain(`billcast-render-${hostname()}-${process.pid}-`);

		expect(await removeDeadProcessesDirs(dir)).toBe(4);
		expect((await readdir(dir)).sort()).toEqual(
			['billcast-render-other-host-' + dead + '-abcdef', 'billcast-speech-cache', live.split('/').at(-1)!, liveNarration.split('/').at(-1)!].sort(),
		);
	});
});
