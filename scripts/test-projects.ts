import {spawn} from 'node:child_process';
import {createInterface} from 'node:readline';

/**
 * `npm test`'s test run: the browser project beside the unit and integration projects, in two vitest processes. One
 * vitest process runs its projects' fork-pool files one project after the other, and much of the browser project's time
 * is a page playing in real time, which leaves the cores to the integration project's renders (.ci/run went from 24 min
 * 50 s to 20 min 35 s on two cores). Each process starts its own Redis, S3 server and bundles. Arguments run one vitest as given.
 */
const runs =
	process.argv.length > 2
		? [{name: '', args: process.argv.slice(2)}]
		: [
				{name: 'unit+integration', args: ['--project', 'unit', '--project', 'integration']},
				{name: 'browser', args: ['--project', 'browser']},
			];

const run = ({name, args}: {name: string; args: string[]}) =>
	new Promise<number>((resolve) => {
		const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args], {
			stdio: ['ignore', 'pipe', 'pipe'],
			// Piped, vitest would drop its colours in a terminal.
			env: {...process.env, ...(process.stdout.isTTY ? {FORCE_COLOR: '1'} : {})},
		});
		// Whole lines, each named for its run, so two runs' reports stay readable side by side.
		for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
			createInterface({input: stream}).on('line', (line) => out.write(name ? `[${name}] ${line}\n` : `${line}\n`));
		}
		child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});

const codes = await Promise.all(runs.map(run));
process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
