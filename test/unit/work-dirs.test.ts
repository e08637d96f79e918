import {spawnSync} from 'node:child_process';
import {mkdir, mkdtemp, readdir, rm, utimes, writeFile} from 'node:fs/promises';
import {hostname, tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {removeDeadProcessesDirs} from '../../server/storage/work-dirs';

let tmp: string | undefined;
afterEach(async () => {
	if (tmp) await rm(tmp, {recursive: true, force: true});
	tmp = undefined;
});

const folders = async (dir: string) => (await readdir(dir)).sort();
const DAYS = 24 * 3600;

describe('the sweep of a starting worker', () => {
	it('removes the untagged folders of earlier versions once they are a day old, and nothing else of billcast', async () => {
		tmp = await mkdtemp(join(tmpdir(), 'work-dirs-'));
		const {pid: dead} = spawnSync('true');
		const dayOld = ['billcast-render-Ab12Cd', 'billcast-narration-x9Y8z7', 'billcast-narrate-000aaa', 'billcast-frames-Qq1Ww2', 'billcast-festival-abcDEF', 'billcast-music-bed-Z1z2Z3'];
		// Caches and a bed store that live on, and the folders of the process running this test.
		const kept = ['billcast-music-beds', 'billcast-speech-cache', 'billcast-render-cache12', `billcast-festival-${hostname()}-${process.pid}-Lf7x0q`, `billcast-music-bed-${hostname()}-${process.pid}-Lf7x0q`];
		const fresh = 'billcast-render-Zz9Zz9';
		const deadOnes = [`billcast-festival-${hostname()}-${dead}-Lf7x0q`, `billcast-music-bed-${hostname()}-${dead}-Lf7x0q`];
		for (const name of [...dayOld, ...kept, fresh, ...deadOnes]) {
			await mkdir(join(tmp, name));
			await writeFile(join(tmp, name, 'partial.wav'), 'RIFF');
		}
		const twoDaysAgo = Date.now() / 1000 - 2 * DAYS;
		for (const name of [...dayOld, ...kept]) await utimes(join(tmp, name), twoDaysAgo, twoDaysAgo);

		expect(await removeDeadProcessesDirs(tmp)).toBe(dayOld.length + deadOnes.length);
		expect(await folders(tmp)).toEqual([...kept, fresh].sort());
	});
});
