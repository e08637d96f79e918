import {chromium, type Browser} from 'playwright-core';
import {BROWSER_OWNER_ENV} from '../../server/platform/processes';

/** Debian's Chromium, never a downloaded one, with the flags that keep it quiet and offline. */
export const launchChromium = (): Promise<Browser> =>
	chromium.launch({
		executablePath: process.env.BILLCAST_TEST_CHROMIUM ?? '/usr/bin/chromium',
		headless: true,
		// Without a worker's owner mark, which a worker started earlier in this test process left in its environment:
		// that worker's successors would take the test's browser for one of theirs and kill it when they tidy.
		env: Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[0] !== BROWSER_OWNER_ENV && entry[1] !== undefined)),
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	});
