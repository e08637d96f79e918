import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll} from 'vitest';
import {launchChromium} from '../helpers/browser';

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
