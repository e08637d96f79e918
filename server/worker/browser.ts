import {spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {readdir, readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {BROWSER_OWNER_ENV, isAlivePid, ownGroupSpawnOptions} from '../platform/processes';
import {chromeModeFor} from './browser-executable';
import {openBrowser, type HeadlessBrowser} from '@remotion/renderer';

const OWNER_PATTERN = /^billcast-(\d+)-[0-9a-f]+$/;

/** This process's owner mark, set once: browsers Remotion opens on its own inherit it too. */
export const browserOwner = (): string => {
	const current = process.env[BROWSER_OWNER_ENV];
	if (current && OWNER_PATTERN.exec(current)?.[1] === String(process.pid)) return current;
	const owner = `billcast-${process.pid}-${randomBytes(4).toString('hex')}`;
	process.env[BROWSER_OWNER_ENV] = owner;
	return owner;
};

export interface MarkedProcess {
	readonly pid: number;
	readonly pgid: number;
	readonly owner: string;
}

/** Processes carrying a browser owner mark, read from /proc (Linux); another user's processes are skipped. */
export const markedProcesses = async (): Promise<MarkedProcess[]> => {
	const prefix = `${BROWSER_OWNER_ENV}=`;
	const pids = (await readdir('/proc').catch(() => [])).filter((name) => /^\d+$/.test(name));
	const found = await Promise.all(
		pids.map(async (name): Promise<MarkedProcess | undefined> => {
			try {
				const environ = await readFile(`/proc/${name}/environ`, 'latin1');
				const entry = environ.split('\0').find((variable) => variable.startsWith(prefix));
				if (!entry) return undefined;
				const stat = await readFile(`/proc/${name}/stat`, 'latin1');
				return {pid: Number(name), pgid: pgidOf(stat), owner: entry.slice(prefix.length)};
			} catch {
				return undefined;
			}
		}),
	);
	return found.filter((entry): entry is MarkedProcess => entry !== undefined);
};

/** This process's own process group: never a browser's. */
const ownGroup = async (): Promise<number> => pgidOf(await readFile('/proc/self/stat', 'latin1'));

/**
 * Browser process groups: Remotion starts Chromium detached, so each browser leads a group of its own, its leader
 * carrying the mark. A group whose leader has died (the wrapper shell of a killed worker's browser) counts too; any other
 * group a marked process sits in (a worker's own) never does.
 */
const browserGroups = async (processes: readonly MarkedProcess[], owners: (owner: string) => boolean): Promise<number[]> => {
	const own = await ownGroup();
	const leaders = new Set(processes.map(({pid}) => pid));
	const groups = new Set(processes.filter(({owner}) => owners(owner)).map(({pgid}) => pgid));
	const candidates = [...groups].filter((pgid) => pgid > 1 && pgid !== own && pgid !== process.pid);
	const leaderGone = await Promise.all(candidates.map(async (pgid) => !leaders.has(pgid) && isGone(await readFile(`/proc/${pgid}/stat`, 'latin1').catch(() => ''))));
	return candidates.filter((pgid, index) => leaders.has(pgid) || leaderGone[index]);
};

// The command name in brackets may hold spaces; the fields after it are state, ppid, pgid.
const pgidOf = (stat: string): number => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
/** No such process, or a zombie waiting for its parent to read its exit. */
const isGone = (stat: string): boolean => !stat || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');

/**
 * Every process of the browsers whose mark passes `owners`: their whole process groups, so the renderer and GPU
 * processes (which Chromium starts without the mark) count too. Zombies count as gone.
 */
export const browserProcessCount = async (owners: (owner: string) => boolean): Promise<number> => {
	const groups = new Set(await browserGroups(await markedProcesses(), owners));
	const pids = (await readdir('/proc').catch(() => [])).filter((name) => /^\d+$/.test(name));
	const stats = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/stat`, 'latin1').catch(() => '')));
	return stats.filter((stat) => !isGone(stat) && groups.has(pgidOf(stat))).length;
};

const killGroups = (groups: readonly number[]): void => {
	for (const pgid of groups) {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}
};

/** Kills browsers whose owning process has died (kill -9, OOM): they would otherwise keep their memory for good. */
export const killOrphanedBrowsers = async (): Promise<number> => {
	const groups = await browserGroups(await markedProcesses(), (owner) => {
		const pid = Number(OWNER_PATTERN.exec(owner)?.[1]);
		return Number.isInteger(pid) && pid !== process.pid && !isAlivePid(pid);
	});
	killGroups(groups);
	return groups.length;
};

/** Kills every browser carrying one owner's mark: the watchdog's work once that owner has died. */
export const killBrowsersOf = async (owner: string): Promise<void> => {
	killGroups(await browserGroups(await markedProcesses(), (mark) => mark === owner));
};

/**
 * Remotion ends its browsers on SIGTERM, SIGINT and SIGHUP; a worker needs its browser until the active render is
 * done, and ends it itself (its `exit` hook stays, so no exit path leaves the browser running).
 */
const dropRemotionSignalHandlers = (): void => {
	for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
		for (const listener of process.listeners(signal)) {
			if (listener.name === 'closeProcess' || /killProcess\(\);\s*process\.exit\(130\)/.test(String(listener))) process.off(signal, listener);
		}
	}
};

export interface WarmBrowser {
	/** The open browser, opened again if it has died. */
	get(): Promise<HeadlessBrowser>;
	/**
	 * For a moment when no render runs: closes the tabs left open, kills this process's other browsers, and opens the
	 * warm one again if it is gone. Given a browser, Remotion still swaps it for one of its own after a crashed tab or a
	 * network error it takes for flaky (an unreachable logo) and never closes that one, and a frame it retried leaves its
	 * tab open: every failed render would otherwise leave a browser or a renderer process running.
	 */
	tidy(): Promise<void>;
	/** How many processes this process's browsers run, renderers included. */
	processCount(): Promise<number>;
	close(): Promise<void>;
}

/**
 * One warm browser for a worker, one per process: tidying kills every other browser the process owns. A watchdog
 * process kills this process's browsers if it dies without closing them (kill -9), since Debian's Chromium is a shell
 * script and Remotion's parent-death signal reaches only the shell.
 */
export const openWarmBrowser = async ({
	browserExecutable,
	watchdog = true,
}: {
	browserExecutable: string;
	/** Off only where the test harness kills its own processes. */
	watchdog?: boolean;
}): Promise<WarmBrowser> => {
	const owner = browserOwner();
	const ownGroups = async () => browserGroups(await markedProcesses(), (mark) => mark === owner);
	const guard = watchdog ? startBrowserWatchdog(owner) : undefined;
	let browser: Promise<{instance: HeadlessBrowser; pgid: number | undefined}> | undefined;
	const open = async () => {
		const instance = await openBrowser('chrome', {browserExecutable, chromeMode: chromeModeFor(browserExecutable), logLevel: 'error'});
		dropRemotionSignalHandlers();
		return {instance, pgid: await browserGroupOf(instance)};
	};
	const current = async () => (browser ? await browser.catch(() => undefined) : undefined);
	const get = async (): Promise<HeadlessBrowser> => {
		const warm = await current();
		if (warm && (await isAlive(warm.instance))) return warm.instance;
		if (warm) await closeOne(warm);
		browser = open();
		return (await browser).instance;
	};
	const closeOne = async ({instance, pgid}: {instance: HeadlessBrowser; pgid: number | undefined}) => {
		await instance.close({silent: true}).catch(() => undefined);
		if (pgid) killGroups([pgid]);
	};
	await get();
	return {
		get,
		async tidy() {
			dropRemotionSignalHandlers();
			const keep = (await current())?.pgid;
			killGroups((await ownGroups()).filter((pgid) => pgid !== keep));
			await closeTabs(await get());
		},
		processCount: () => browserProcessCount((mark) => mark === owner),
		async close() {
			const warm = await current();
			if (warm) await closeOne(warm);
			killGroups(await ownGroups());
			guard?.stop();
		},
	};
};

const isAlive = (browser: HeadlessBrowser): Promise<boolean> =>
	Promise.race([
		// A cheap, idempotent command Remotion itself sends at start: it only answers while Chromium is alive.
		browser.connection.send('Target.setDiscoverTargets', {discover: true}).then(() => true),
		new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000).unref()),
	]).catch(() => false);

/** Remotion's typed protocol leaves some commands out; Chromium answers them all the same. */
const cdp = <T>(browser: HeadlessBrowser, method: string, params?: object): Promise<{value: T}> =>
	(browser.connection.send.bind(browser.connection) as unknown as (m: string, p?: object) => Promise<{value: T}>)(method, params);

/** Closes every tab but the blank one the browser started with. */
const closeTabs = async (browser: HeadlessBrowser): Promise<void> => {
	const {value} = await cdp<{targetInfos: Array<{targetId: string; type: string; url: string}>}>(browser, 'Target.getTargets').catch(() => ({
		value: {targetInfos: []},
	}));
	const tabs = value.targetInfos.filter(({type, url}) => type === 'page' && url !== 'about:blank');
	await Promise.all(tabs.map(({targetId}) => cdp(browser, 'Target.closeTarget', {targetId}).catch(() => undefined)));
};

/** The browser's process group, from the pid Chromium reports for itself. */
const browserGroupOf = async (browser: HeadlessBrowser): Promise<number | undefined> => {
	try {
		const {value} = await cdp<{processInfo: Array<{type: string; id: number}>}>(browser, 'SystemInfo.getProcessInfo');
		const pid = value.processInfo.find(({type}) => type === 'browser')?.id;
		if (!pid) return undefined;
		return pgidOf(await readFile(`/proc/${pid}/stat`, 'latin1'));
	} catch {
		return undefined;
	}
};

/**
 * A detached process that outlives this one: once this process is gone, it kills the browsers that carry its mark.
 * It takes no mark itself, so it never counts as a browser.
 */
const startBrowserWatchdog = (owner: string): {stop(): void} => {
	const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./browser-watchdog.ts', import.meta.url)), String(process.pid), owner], {
		// The project's root, where `tsx` resolves, whatever working directory a process manager gave the worker.
		cwd: fileURLToPath(new URL('../..', import.meta.url)),
		stdio: 'ignore',
		...ownGroupSpawnOptions(),
	});
	child.unref();
	return {
		stop() {
			if (child.exitCode === null) child.kill('SIGKILL');
		},
	};
};
