/**
 * `npm run stills [-- <id pattern>]`: one PNG per scene of every Studio composition whose id matches, at half size,
 * into .data/stills/ (or BILLCAST_STILLS_DIR): a quick way to look at every template, format, locale and edge bill.
 */
import {mkdir} from 'node:fs/promises';
import {resolve} from 'node:path';
import {getCompositions, openBrowser, renderStill} from '@remotion/renderer';
import {computeRenderInput, type RenderRequestInput} from '../src/render-input';
import {templateIds} from '../src/templates/registry';
import {chromeModeFor, resolveBrowserExecutable} from '../server/worker/browser-executable';
import {bundleCompositions} from '../server/worker/bundle';
import {withRemotionPort} from '../server/worker/remotion-port';

const pattern = new RegExp(process.argv[2] ?? '.');
const outDir = resolve(process.env.BILLCAST_STILLS_DIR ?? resolve(import.meta.dirname, '../.data/stills'));
const browserExecutable = resolveBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE);
if (!browserExecutable) throw new Error('No Chromium: run `npm run setup`');
const chromeMode = chromeModeFor(browserExecutable);
await mkdir(outDir, {recursive: true});
const serveUrl = await bundleCompositions({});
const browser = await openBrowser('chrome', {browserExecutable, chromeMode, logLevel: 'error'});
try {
	const compositions = await withRemotionPort((port) => getCompositions(serveUrl, {port, puppeteerInstance: browser, browserExecutable, chromeMode, logLevel: 'error'}));
	for (const composition of compositions.filter((c) => pattern.test(c.id))) {
		const template = templateIds.find((id) => composition.id.startsWith(`${id}-`))!;
		const input = computeRenderInput({template, ...composition.props} as RenderRequestInput);
		for (const [index, scene] of input.timeline.scenes.entries()) {
			const hold = input.timeline.staticHolds.find((h) => h.from >= scene.from && h.from < scene.from + scene.durationInFrames);
			const output = resolve(outDir, `${composition.id}-${index}-${scene.id}.png`);
			await withRemotionPort((port) => renderStill({
				port,
				composition,
				serveUrl,
				frame: hold?.from ?? scene.from + Math.floor(scene.durationInFrames / 2),
				output,
				scale: 0.5,
				puppeteerInstance: browser,
				browserExecutable,
				chromeMode,
				logLevel: 'error',
			}));
		}
		console.log(composition.id);
	}
} finally {
	await browser.close({silent: true});
}
console.log(`Stills written to ${outDir}`);
