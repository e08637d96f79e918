import {spawn} from 'node:child_process';
import {chmod, mkdir, mkdtemp, readdir, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {removeDeadProcessesDirs} from '../../server/storage/work-dirs';

// Each case starts node with tsx (a second of CPU), so it runs here rather than in the unit project.
let tmp: string | undefined;
afterEach(async () => {
	if (tmp) await rm(tmp, {recursive: true, force: true});
	tmp = undefined;
});

const folders = async (dir: string) => (await readdir(dir)).sort();

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
