import {Config} from '@remotion/cli/config';
import {chromeModeFor, resolveBrowserExecutable} from './server/worker/browser-executable';

// Studio and the `remotion` CLI read this file; the server passes the same settings to @remotion/renderer itself.
Config.setEntryPoint('compositions/index.ts');
Config.setVideoImageFormat('jpeg');
Config.setOverwriteOutput(true);
const browserExecutable = resolveBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE || undefined);
if (browserExecutable) {
	Config.setBrowserExecutable(browserExecutable);
	Config.setChromeMode(chromeModeFor(browserExecutable));
}
