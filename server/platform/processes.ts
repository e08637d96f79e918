import type {ChildProcess} from 'node:child_process';

/** Whether a process with this pid runs (EPERM: it runs, as another user). */
export const isAlivePid = (pid: number): boolean => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
};

/** Sends SIGTERM and resolves once the child has exited (at once if it already has). */
export const stopChild = (child: ChildProcess): Promise<void> =>
	new Promise<void>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});

/**
 * Every browser a worker starts carries this variable (Remotion spawns Chromium with `process.env`), so its processes
 * can be found, and told apart from another worker's, even after the worker has died (worker/browser.ts).
 */
export const BROWSER_OWNER_ENV = 'BILLCAST_BROWSER_OWNER';

/**
 * Spawn options for a program a worker runs beside its browsers (ffmpeg, a speech engine, the browser watchdog): a
 * process group of its own, as Chromium has, since a terminal's Ctrl-C signals its whole foreground group and would end
 * what the worker, told to stop, is finishing; and no browser owner mark, which would make that group pass for one of
 * the worker's browsers, killed by its tidy between renders.
 */
export const ownGroupSpawnOptions = (): {detached: true; env: NodeJS.ProcessEnv} => {
	const {[BROWSER_OWNER_ENV]: _, ...env} = process.env;
	return {detached: true, env};
};
