import {spawnSync} from 'node:child_process';
import {mkdir, rm, stat, writeFile} from 'node:fs/promises';
import {hostname, tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, inject, it} from 'vitest';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack | undefined;
const made: string[] = [];
afterAll(async () => {
	await stack?.close();
	await Promise.all(made.map((dir) => rm(dir, {recursive: true, force: true})));
});

const exists = (path: string) => stat(path).then(() => true, () => false);

describe("a starting worker and the tmp folders of the machine's other workers", () => {
	it('removes those of a worker killed mid-render and keeps those of a live one', async () => {
		const {pid: dead} = spawnSync('true');
		const folders = {
			dead: join(tmpdir(), `billcast-render-${hostname()}-${dead}-Lf7x0q`),
			deadNarration: join(tmpdir(), `billcast-narration-${hostname()}-${dead}-Lf7x0q`),
			live: join(tmpdir(), `billcast-render-${hostname()}-${process.pid}-Lf7x0q`),
		};
		for (const dir of Object.values(folders)) {
			made.push(dir);
			await mkdir(dir);
			await writeFile(join(dir, 'video.mp4.partial'), 'frames');
		}
		stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: true});
		expect(await exists(folders.dead)).toBe(false);
		expect(await exists(folders.deadNarration)).toBe(false);
		expect(await exists(folders.live)).toBe(true);
	});
});
