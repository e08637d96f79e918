import {browserOwner, openWarmBrowser} from '../../server/worker/browser';
import {resolveBrowserExecutable} from '../../server/worker/browser-executable';

/** A stand-in worker for supervision tests: opens a warm browser, prints its owner mark, then idles until killed. */
const browserExecutable = resolveBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE);
if (!browserExecutable) throw new Error('No Chromium: run `npm run setup`');
await openWarmBrowser({browserExecutable, watchdog: process.argv[2] === 'watchdog'});
console.log(`owner=${browserOwner()}`);
setInterval(() => undefined, 60_000);
