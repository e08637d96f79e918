import {Config} from '@remotion/cli/config';
import {resolveBrowserExecutable} from './server/worker/browser';

// Studio and the `remotion` CLI read this file; the server passes the same settings to @remotion/renderer itself.
Config.setEntryPoint('compositions/index.ts');
Config.setVideoImageFormat('jpeg');
Config.setOverwriteOutput(true);
const browserExecutable = resolveBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE || undefined);
if (browserExecutable) {
	Config.setBrowserExecutable(browserExecutable);
	Config.setChromeMode(browserExecutable.includes('headless-shell') ? 'headless-shell' : 'chrome-for-testing');
}
