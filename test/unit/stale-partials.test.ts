import {spawn} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {mkdir, mkdtemp, readdir, rm, utimes, writeFile} from 'node:fs/promises';
import {hostname, tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {removeStalePartials} from '../../server/storage/partial-files';

let dir: string | undefined;
afterEach(async () => {
	if (dir) await rm(dir, {recursive: true, force: true});
});

/** The pid of a process that has already exited, as a worker killed with -9 leaves its pid behind. */
const deadPid = (): Promise<number> =>
	new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['-e', '']);
		child.once('error', reject);
		child.once('exit', () => resolve(child.pid!));
	});

it('removes the half-written files of dead workers on this host, and other hosts’ only once a day old', async () => {
	dir = await mkdtemp(join(tmpdir(), 'billcast-partials-'));
	const render = join(dir, 'r_abc');
	await mkdir(render);
	const dead = await deadPid();
	const files = {
		deadWorker: `.partial-${hostname()}-${dead}-${randomUUID()}.mp4`,
		deadWorkerPoster: `.partial-${hostname()}-${dead}-${randomUUID()}`,
		liveWorker: `.partial-${hostname()}-${process.pid}-${randomUUID()}.mp4`,
		otherHostFresh: `.partial-render-box-7-${process.pid}-${randomUUID()}.mp4`,
		otherHostOld: `.partial-render-box-7-${dead}-${randomUUID()}.mp4`,
		video: 'video.mp4',
	};
	for (const file of Object.values(files)) await writeFile(join(render, file), 'x');
	const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
	await utimes(join(render, files.otherHostOld), twoDaysAgo, twoDaysAgo);

	expect(await removeStalePartials(dir)).toBe(3);
	expect((await readdir(render)).sort()).toEqual([files.liveWorker, files.otherHostFresh, files.video].sort());
});
