/**
 * Which Chromium renders, apart from the warm browser's process handling so that `remotion.config.ts` (bundled by the
 * Remotion CLI as CommonJS, where `import.meta` is empty) can read it: importing `browser.ts` made `npm run studio`
 * print two esbuild warnings and pulled the renderer into the Studio's config.
 */
import {existsSync} from 'node:fs';
import {basename} from 'node:path';
import {ConfigError} from '../platform/errors';

const DEBIAN_BROWSERS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'] as const;

/**
 * The Chromium that renders. Remotion's own browser download cannot work on machines without internet, so a local
 * executable is always chosen: the configured one, else Debian's headless shell (fastest), else Debian's chromium. A
 * configured path that is not there is refused here: Remotion would otherwise fail at the first render with a stack
 * trace advising a download billcast never makes.
 */
export const resolveBrowserExecutable = (configured: string | undefined): string | undefined => {
	if (configured === undefined) return DEBIAN_BROWSERS.find((path) => existsSync(path));
	if (!existsSync(configured)) {
		throw new ConfigError(
			`REMOTION_BROWSER_EXECUTABLE=${configured} does not exist: install Debian's chromium-headless-shell (\`npm run setup\` does) or point the variable at a Chromium`,
		);
	}
	return configured;
};

/** Remotion starts the headless shell with --headless=old and a full Chromium with --headless=new. */
export const chromeModeFor = (executable: string): 'headless-shell' | 'chrome-for-testing' =>
	basename(executable).includes('headless-shell') ? 'headless-shell' : 'chrome-for-testing';
