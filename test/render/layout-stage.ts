import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll} from 'vitest';
import {launchChromium} from '../helpers/browser';
import {timelineFor, type RenderRequestInput} from '../../src/render-input';
import {startingIn, type SceneId, type Timeline, type TimelineScene} from '../../src/timeline';

interface LayoutStage {
	/** A page with `window.showFrame` and `window.measureFrame` (layout-page.tsx), as large as the largest frame. */
	readonly page: Page;
	close(): Promise<void>;
}

/** Any composition frame laid out by Chromium, without the render pipeline: what the layout tests measure. */
const openLayoutStage = async (): Promise<LayoutStage> => {
	const dir = await mkdtemp(join(tmpdir(), 'billcast-layout-'));
	await build({
		entryPoints: [resolve(import.meta.dirname, 'layout-page.tsx')],
		outfile: join(dir, 'layout.js'),
		bundle: true,
		format: 'iife',
		platform: 'browser',
		target: 'es2020',
		jsx: 'automatic',
		define: {'process.env.NODE_ENV': '"production"'},
		logLevel: 'warning',
	});
	await writeFile(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><style>*{box-sizing:border-box}body{margin:0}</style><body><div id="root"></div><script src="layout.js"></script>');
	const browser = await launchChromium();
	const page = await browser.newPage({viewport: {width: 1280, height: 1920}});
	await page.goto(pathToFileURL(join(dir, 'index.html')).href);
	await page.waitForFunction(() => typeof window.showFrame === 'function');
	return {
		page,
		async close() {
			await browser.close();
			await rm(dir, {recursive: true, force: true});
		},
	};
};

/** The layout page for a file's tests, opened before them and closed after; read `page` inside tests. */
export const useLayoutStage = (): {readonly page: Page} => {
	let stage: LayoutStage | undefined;
	beforeAll(async () => {
		stage = await openLayoutStage();
	});
	afterAll(async () => {
		await stage?.close();
	});
	return {
		get page() {
			return stage!.page;
		},
	};
};

/** Shows the frame a scene holds still on (its settled look: entrance done, buttons in place) and returns its timeline. */
export const showHeldFrame = async (page: Page, request: RenderRequestInput, sceneId: SceneId): Promise<{timeline: Timeline; scene: TimelineScene}> => {
	const timeline = timelineFor(request);
	const scene = timeline.scenes.find((s) => s.id === sceneId)!;
	const hold = startingIn(timeline.staticHolds, scene)[0]!;
	await page.evaluate(([r, at]) => window.showFrame(r, at), [request, hold.from] as const);
	return {timeline, scene};
};
