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
