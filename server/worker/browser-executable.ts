/**
 * Which Chromium renders, apart from the warm browser's process handling so that `remotion.config.ts` (bundled by the
 * Remotion CLI as CommonJS, where `import.meta` is empty) can read it: importing `browser.ts` made `npm run studio`
 * print two esbuild warnings and pulled the renderer into the Studio's config.
 */
import {existsSync} from 'node:fs';
import {basename} from 'node:path';

const DEBIAN_BROWSERS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'] as const;

/**
 * The Chromium that renders. Remotion's own browser download cannot work on machines without internet, so a local
 * executable is always chosen: the configured one, else Debian's headless shell (fastest), else Debian's chromium.
 */
export const resolveBrowserExecutable = (configured: string | undefined): string | undefined =>
	configured ?? DEBIAN_BROWSERS.find((path) => existsSync(path));

/** Remotion starts the headless shell with --headless=old and a full Chromium with --headless=new. */
export const chromeModeFor = (executable: string): 'headless-shell' | 'chrome-for-testing' =>
	basename(executable).includes('headless-shell') ? 'headless-shell' : 'chrome-for-testing';
