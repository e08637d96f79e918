import {chromium, type Browser} from 'playwright-core';

/** Debian's Chromium, never a downloaded one, with the flags that keep it quiet and offline. */
export const launchChromium = (): Promise<Browser> =>
	chromium.launch({
		executablePath: process.env.BILLCAST_TEST_CHROMIUM ?? '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	});
