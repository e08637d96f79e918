import {spawn} from 'node:child_process';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {browserProcessCount, killOrphanedBrowsers} from '../../server/worker/browser';

/** Starts a process that holds a warm browser, waits for the browser, and kills the process with -9. */
const killWorkerHoldingBrowser = async (mode: 'watchdog' | 'bare'): Promise<string> => {
	const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../helpers/warm-browser-process.ts'), mode], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await expect.poll(() => /owner=(\S+)/.exec(output)?.[1], {timeout: 60_000, interval: 100}).toBeTruthy();
	const owner = /owner=(\S+)/.exec(output)![1]!;
	expect(await browserProcessCount((mark) => mark === owner)).toBeGreaterThan(0);
	child.kill('SIGKILL');
	await new Promise((resolve) => child.once('exit', resolve));
	return owner;
};

it('a watchdog kills the browser of a worker killed with -9', async () => {
	const owner = await killWorkerHoldingBrowser('watchdog');
	await expect.poll(() => browserProcessCount((mark) => mark === owner), {timeout: 10_000, interval: 200}).toBe(0);
});

it('a starting worker kills the browsers a dead worker left behind', async () => {
	const owner = await killWorkerHoldingBrowser('bare');
	// Without a watchdog the browser outlives its worker, as every Chromium of a killed worker did before.
	await expect.poll(() => browserProcessCount((mark) => mark === owner), {timeout: 5_000, interval: 100}).toBeGreaterThan(0);
	expect(await killOrphanedBrowsers()).toBeGreaterThanOrEqual(1);
	await expect.poll(() => browserProcessCount((mark) => mark === owner), {timeout: 5_000, interval: 100}).toBe(0);
});
