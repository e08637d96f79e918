import {spawn, spawnSync} from 'node:child_process';
import {chmod, mkdir, mkdtemp, readdir, rm, utimes, writeFile} from 'node:fs/promises';
import {hostname, tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
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

/**
 * Festival (in a worker) and a music bed upload (in the API) each work in a temporary folder; killed mid-way, the
 * process leaves it, and the next worker's sweep must know it for a dead process's.
 */
describe.each([
	{
		kind: 'festival',
		program: 'festival',
		run: (program: string, voicesDir: string) =>
			`const {festivalEngine} = await import(${JSON.stringify(resolve('server/voice/festival.ts'))});
			await festivalEngine({festival: ${JSON.stringify(program)}, voicesDir: ${JSON.stringify(voicesDir)}}).synthesizeSentences({texts: ['Hello.'], voice: 'cmu_us_slt_arctic_hts', locale: 'en'});`,
	},
	{
		kind: 'music-bed',
		program: 'ffprobe',
		run: (program: string) =>
			`const {normalizeMusicBed} = await import(${JSON.stringify(resolve('server/voice/music-bed-audio.ts'))});
			await normalizeMusicBed({audio: Buffer.from('RIFF'), ffprobe: ${JSON.stringify(program)}});`,
	},
])('a process killed while $program runs', ({kind, program, run}) => {
	it(`leaves a ${kind} folder the next worker's sweep removes`, async () => {
		tmp = await mkdtemp(join(tmpdir(), 'work-dirs-'));
		const workTmp = join(tmp, 'tmp');
		const voicesDir = join(tmp, 'voices');
		await mkdir(workTmp);
		await mkdir(join(voicesDir, 'us/cmu_us_slt_arctic_hts'), {recursive: true});
		// Stands for the real program: says it started, then runs until the process group is killed.
		const fake = join(tmp, program);
		const started = join(tmp, 'started');
		await writeFile(fake, `#!/bin/sh\ncat > /dev/null &\ntouch ${JSON.stringify(started)}\nexec sleep 600\n`);
		await chmod(fake, 0o755);
		const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', run(fake, voicesDir)], {
			env: {...process.env, TMPDIR: workTmp},
			detached: true,
			stdio: 'ignore',
		});
		const exited = new Promise((done) => child.once('exit', done));
		await expect.poll(() => readdir(tmp!).then((names) => names.includes('started')), {timeout: 30_000}).toBe(true);
		// tsx keeps its cache in TMPDIR too.
		const billcasts = async () => (await folders(workTmp)).filter((name) => name.startsWith('billcast-'));
		expect(await billcasts()).toEqual([expect.stringMatching(new RegExp(`^billcast-${kind}-`))]);
		expect(await removeDeadProcessesDirs(workTmp)).toBe(0);

		process.kill(-child.pid!, 'SIGKILL');
		await exited;
		expect(await removeDeadProcessesDirs(workTmp)).toBe(1);
		expect(await billcasts()).toEqual([]);
	});
});
