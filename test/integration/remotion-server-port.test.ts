import {readdirSync, readFileSync, readlinkSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openBrowser, renderStill, type HeadlessBrowser} from '@remotion/renderer';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {computeRenderInput} from '../../src/render-input';
import {chromeModeFor, resolveBrowserExecutable} from '../../server/worker/browser-executable';
import {withRemotionPort} from '../../server/worker/remotion-port';
import {renderVideo, selectForRender} from '../../server/worker/render-video';
import {shortBill} from '../helpers/short-bill';

const browserExecutable = resolveBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE)!;
let browser: HeadlessBrowser;
let dir: string;

beforeAll(async () => {
	browser = await openBrowser('chrome', {browserExecutable, chromeMode: chromeModeFor(browserExecutable), logLevel: 'error'});
	dir = await mkdtemp(join(tmpdir(), 'billcast-remotion-port-'));
});
afterAll(async () => {
	await browser?.close({silent: true});
	await rm(dir, {recursive: true, force: true});
});

/** The TCP ports this process listens on, read from /proc: its socket inodes matched against the kernel's LISTEN rows. */
const ownListeningPorts = (): Set<number> => {
	const inodes = new Set(
		readdirSync('/proc/self/fd').flatMap((fd) => {
			try {
				return [/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`))?.[1]];
			} catch {
				return []; // closed since the listing
			}
		}),
	);
	const rows = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) => readFileSync(table, 'utf8').trim().split('\n').slice(1));
	return new Set(
		rows
			.map((row) => row.trim().split(/\s+/))
			.filter((fields) => fields[3] === '0A' && inodes.has(fields[9]))
			.map((fields) => Number.parseInt(fields[1]!.split(':').at(-1)!, 16)),
	);
};

const [ephemeralLow, ephemeralHigh] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number) as [number, number];

const input = computeRenderInput({template: 'telco-bill', bill: shortBill, format: 'landscape'});

describe('the HTTP server Remotion starts for a render', () => {
	// Remotion took the first free port from 3000, the API's default: an API started beside a rendering worker was refused.
	it('listens on a port from the ephemeral range while frames are drawn, never on 3000–3100', async () => {
		const before = ownListeningPorts();
		let during: Set<number> | undefined;
		await renderVideo({
			input,
			scale: 0.2,
			serveUrl: inject('serveUrl'),
			browser,
			browserExecutable,
			outputFile: join(dir, 'video.mp4'),
			posterFile: join(dir, 'video.jpg'),
			// Progress below 1 is reported from inside the frame drawing, while Remotion's server is up.
			onProgress: (progress) => {
				if (progress < 1) during ??= ownListeningPorts();
			},
		});
		const opened = [...during!].filter((port) => !before.has(port));
		expect(opened.length).toBeGreaterThan(0);
		expect(opened.filter((port) => port >= 3000 && port <= 3100)).toEqual([]);
		for (const port of opened) expect(port).toSatisfy((p: number) => p >= ephemeralLow && p <= ephemeralHigh);
	});

	it('moves to another ephemeral port when something takes the chosen one before Remotion binds it', async () => {
		const {common, composition} = selectForRender({input, serveUrl: inject('serveUrl'), browser, browserExecutable});
		const handed: number[] = [];
		let squatter: Server | undefined;
		try {
			const {buffer} = await withRemotionPort(async (port) => {
				handed.push(port);
				if (!squatter) {
					squatter = createServer();
					await new Promise<void>((done) => squatter!.listen(port, done));
				}
				return renderStill({...common, port, composition, frame: 0, output: null, imageFormat: 'jpeg', scale: 0.1});
			});
			expect(buffer?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
		} finally {
			await new Promise((done) => squatter?.close(done));
		}
		expect(handed).toHaveLength(2);
		expect(handed[1]).not.toBe(handed[0]);
		for (const port of handed) expect(port).toSatisfy((p: number) => p >= ephemeralLow && p <= ephemeralHigh);
	});

	it('passes any other error of the call on at once', async () => {
		let calls = 0;
		const failing = withRemotionPort(async () => {
			calls++;
			throw new Error('Composition "nope" not found');
		});
		await expect(failing).rejects.toThrow('Composition "nope" not found');
		expect(calls).toBe(1);
	});
});
