/**
 * (c) The fair peer: how a Remotion team builds a render server without billcast, as remotion-dev/template-render-server
 * does. The bundle is made once (here: `npm run build`'s), and each customer is one `selectComposition` + `renderMedia`
 * with Remotion's defaults (codec h264, default concurrency, CRF, image format), one after another like that template's
 * in-memory queue. The template lets each call start its own browser; here one stays warm (`puppeteerInstance`), which
 * can only make the peer faster. Run as a child of `bench/bench.ts`, so its memory and start are its own; only the
 * renders are timed, as the billcast worker is timed once it is ready.
 *
 *   tsx bench/remotion-peer.ts --serve-url build/bundle --out DIR --customers 6 --scale 1 --browser /usr/bin/chromium-headless-shell
 */
import {basename, join} from 'node:path';
import {parseArgs} from 'node:util';
import {openBrowser, renderMedia, selectComposition} from '@remotion/renderer';
import {computeRenderInput} from '../src/render-input';
import {withRemotionPort} from '../server/worker/remotion-port';
import {benchCustomers} from './bench-customers';

const {values} = parseArgs({
	options: {
		'serve-url': {type: 'string'},
		out: {type: 'string'},
		customers: {type: 'string', default: '6'},
		scale: {type: 'string', default: '1'},
		browser: {type: 'string'},
	},
});
const serveUrl = values['serve-url'];
const outDir = values.out;
const browserExecutable = values.browser;
if (!serveUrl || !outDir || !browserExecutable) throw new Error('--serve-url, --out and --browser are required');

const puppeteerInstance = await openBrowser('chrome', {
	browserExecutable,
	chromeMode: basename(browserExecutable).includes('headless-shell') ? 'headless-shell' : 'chrome-for-testing',
	logLevel: 'error',
});
const started = Date.now();
for (const [index, bill] of benchCustomers(Number(values.customers)).entries()) {
	const {compositionId, inputProps} = computeRenderInput({template: 'telco-bill', bill, format: 'landscape'});
	const composition = await withRemotionPort((port) => selectComposition({port, serveUrl, id: compositionId, inputProps, puppeteerInstance, browserExecutable, logLevel: 'error'}));
	await withRemotionPort((port) => renderMedia({
		port,
		composition,
		serveUrl,
		codec: 'h264',
		outputLocation: join(outDir, `peer-${index}.mp4`),
		inputProps,
		puppeteerInstance,
		browserExecutable,
		scale: Number(values.scale),
		logLevel: 'error',
	}));
}
const elapsedMs = Date.now() - started;
await puppeteerInstance.close({silent: true});
console.log(JSON.stringify({elapsedMs}));
