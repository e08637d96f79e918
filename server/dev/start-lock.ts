import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {isAlivePid} from '../platform/processes';

export type StartLock = {readonly status: 'claimed'; release(): void} | {readonly status: 'held'; readonly pid: number};

const readPid = (file: string): number | undefined => {
	try {
		return Number(readFileSync(file, 'utf8')) || undefined;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
};

/**
 * Claims the data directory for one `npm start`. The API's port says nothing until that API listens, seconds after a
 * second start has already begun its own Redis and worker, so the claim is a file made before anything starts. It
 * names the holder's pid; a file whose pid no longer runs was left by a start that was killed, and is taken over.
 */
export const claimStartLock = (dataDir: string): StartLock => {
	const file = join(dataDir, 'start.lock');
	for (let tries = 0; ; tries++) {
		try {
			writeFileSync(file, String(process.pid), {flag: 'wx'});
			return {status: 'claimed', release: () => readPid(file) === process.pid && rmSync(file, {force: true})};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const pid = readPid(file);
		if (pid !== undefined && isAlivePid(pid)) return {status: 'held', pid};
		// Empty for a moment while a start that came at the same time writes its pid: wait for it before calling it stale.
		if (pid === undefined && tries < 20) {
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
			continue;
		}
		rmSync(file, {force: true});
	}
};
