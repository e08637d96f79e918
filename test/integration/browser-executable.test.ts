import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {resolveBrowserExecutable} from '../../server/worker/browser-executable';
import {ConfigError} from '../../server/platform/errors';

describe('a configured Chromium that is not there', () => {
	it('is refused, naming the variable, the path and the Debian package', () => {
		expect(() => resolveBrowserExecutable('/usr/bin/nochromium')).toThrow(ConfigError);
		expect(() => resolveBrowserExecutable('/usr/bin/nochromium')).toThrow(
			/^REMOTION_BROWSER_EXECUTABLE=\/usr\/bin\/nochromium does not exist: install Debian's chromium-headless-shell \(`npm run setup` does\)/,
		);
	});

	// The worker bundled, started, and died at its first render with Remotion's stack trace advising a browser download.
	it('stops the worker at start with that one line and exit code 1', () => {
		const worker = spawnSync(process.execPath, ['--import', 'tsx', 'server/worker/worker-main.ts'], {
			env: {...process.env, REMOTION_BROWSER_EXECUTABLE: '/usr/bin/nochromium', NODE_ENV: 'development'},
			encoding: 'utf8',
			timeout: 60_000,
		});
		expect(worker.status).toBe(1);
		expect(worker.stdout).toBe('');
		expect(worker.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^REMOTION_BROWSER_EXECUTABLE=\/usr\/bin\/nochromium does not exist/)]);
	});
});
