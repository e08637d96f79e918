import {killBrowsersOf} from './browser';

/**
 * Started detached by a worker (see `openWarmBrowser`): when the worker dies, even by kill -9, this kills the browsers
 * carrying its mark, then exits. A new parent pid means the worker is gone, whatever pid the system hands out next.
 */
const [parentArg, owner] = process.argv.slice(2);
const parent = Number(parentArg);
if (!owner || !Number.isInteger(parent)) throw new Error('usage: browser-watchdog <worker pid> <owner mark>');

const POLL_MS = 500;
const timer = setInterval(() => {
	if (process.ppid === parent) return;
	clearInterval(timer);
	void killBrowsersOf(owner).finally(() => process.exit(0));
}, POLL_MS);
