import {spawn, type ChildProcess} from 'node:child_process';
import {resolve} from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface RunningMain {
	readonly child: ChildProcess;
	/** Everything it printed so far, stdout and stderr as they came. */
	readonly output: () => string;
	readonly stderr: () => string;
	readonly exited: Promise<number | null>;
}

/**
 * One of billcast's mains (`server/api/api-main.ts`, `server/worker/worker-main.ts`, `server/dev/start.ts`) run the way
 * its npm script runs it: node with tsx from the repository's root, in exactly the environment given.
 */
export const startMain = ({
	script,
	env,
	detached = false,
}: {
	script: string;
	env: NodeJS.ProcessEnv;
	/** As the leader of a process group of its own, which a test signals as a terminal's Ctrl-C signals its foreground group. */
	detached?: boolean;
}): RunningMain => {
	const child = spawn(process.execPath, ['--import', 'tsx', script], {cwd: root, env, detached, stdio: ['ignore', 'pipe', 'pipe']});
	let output = '';
	let stderr = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => {
		output += chunk.toString();
		stderr += chunk.toString();
	});
	const exited = new Promise<number | null>((done) => child.once('exit', done));
	return {child, output: () => output, stderr: () => stderr, exited};
};
