import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {buildCaptionFiles, chapterCues} from '../../src/captions';
import {hotspotManifestOf} from '../../src/hotspot-manifest';
import {fill, messagesFor} from '../../src/i18n/catalogue';
import {computeRenderInput, scriptFor} from '../../src/render-input';
import {chaptersOf} from '../../src/templates/chapters';
import type {TemplateBill} from '../../src/templates/registry';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {ARTIFACT_TYPES, artifactKey} from '../../server/renders/render-paths';
import {compositorBinary} from '../../server/worker/compositor-binaries';
import {shotsDir, useWatchStack} from '../helpers/browser-stack';
import {seekPaused} from '../helpers/seek-paused';

/**
 * What a screen reader and a keyboard meet in the player (the accessibility audit of the watch page): the picture's own
 * text is hidden from assistive technology, the region's name is its name alone, and the video's chapters (the scenes
 * chapters.vtt names) are a menu and two keys away, in live and MP4 mode.
 */
const watchStack = useWatchStack();

type Locale = 'en-GB' | 'it-IT' | 'ko-KR';
const LOCALES: readonly Locale[] = ['en-GB', 'it-IT', 'ko-KR'];
const DESKTOP = {width: 1280, height: 800};
/** Each language's telco bill, owed (the Italian one is paid by direct debit, with no pay button). */
const telco = (locale: Locale, id: string): TemplateBill & {template: 'telco-bill'} => ({
	template: 'telco-bill',
	bill: {...telcoFixtures[locale], payment: sampleTelcoBill.payment, customer: {...telcoFixtures[locale].customer, id}},
});

const post = async (input: TemplateBill) => {
	const {stack} = watchStack;
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {method: 'POST', headers: {'content-type': 'application/json', ...stack.auth}, body: JSON.stringify(input)});
	expect(response.status).toBe(202);
	return (await response.json()) as {id: string; links: {watch: string}};
};

/** Posts `input` and runs `use` on its watch page, opened at desktop size with reduced motion; closes the page after. */
const onWatchPage = async (input: TemplateBill, use: (page: Page) => Promise<void>) => {
	const {links} = await post(input);
	const page = await watchStack.browser.newPage({viewport: DESKTOP, reducedMotion: 'reduce'});
	try {
		await page.goto(links.watch);
		await use(page);
	} finally {
		await page.close();
	}
};

/** The chapters as chapters.vtt names them, on the landscape timeline a desktop plays. */
const chapterNames = (input: TemplateBill) =>
	chapterCues({timeline: computeRenderInput({...input, format: 'landscape'}).timeline, chapters: chaptersOf(input.template, input.bill.customer.locale)}).map((cue) => cue.text);

/** The name and description Chromium computes for the element `selector` finds. */
const accessibleNameOf = async (page: Page, selector: string) => {
	const cdp = await page.context().newCDPSession(page);
	const {root} = await cdp.send('DOM.getDocument', {depth: 0});
	const {nodeId} = await cdp.send('DOM.querySelector', {nodeId: root.nodeId, selector});
	const {nodes} = await cdp.send('Accessibility.getPartialAXTree', {nodeId, fetchRelatives: false});
	await cdp.detach();
	return {name: nodes[0]?.name?.value as string | undefined, description: nodes[0]?.description?.value as string | undefined};
};

const focused = (page: Page, selector: string) => page.locator(selector).evaluate((element) => element === document.activeElement);
const announced = (page: Page) => page.locator('billcast-player .bc-announce').allTextContents();

describe('the picture is hidden from screen readers, the buttons over it are not', () => {
	it.each(LOCALES)('%s: the scene text, amounts mid count-up among it, is not in the accessibility tree; the pay button is', async (locale) => {
		const input = telco(locale, `A11Y-STAGE-${locale}`);
		const {timeline} = computeRenderInput({...input, format: 'landscape'});
		await onWatchPage(input, async (page) => {
			await page.locator('billcast-player .bc-root').waitFor();
			// The total counting up, as the audit heard it ("This bill €15.96…").
			await seekPaused(page, timeline.scenes.find((scene) => scene.id === 'total')!.from + 10);
			const stage = page.locator('billcast-player .bc-stage');
			await expect.poll(async () => (await stage.innerText()).trim().length).toBeGreaterThan(0);
			const drawn = (await stage.innerText())
				.split('\n')
				.map((line) => line.trim())
				.filter((line) => line.length > 2);
			const tree = await page.locator('billcast-player .bc-root').ariaSnapshot();
			for (const line of drawn) expect(tree, line).not.toContain(line);
			await page.screenshot({path: join(shotsDir, `a11y-stage-count-up-${locale}.png`)});

			const pay = timeline.hotspots.find((hotspot) => hotspot.kind === 'pay')!;
			await seekPaused(page, pay.from + 5);
			expect(await page.getByRole('button', {name: pay.label, exact: true}).count()).toBe(1);
			// The snapshot writes the label's no-break spaces as spaces.
			expect(await page.locator('billcast-player .bc-root').ariaSnapshot()).toContain(`button "${pay.label.replace(/\u00a0/g, ' ')}"`);
		});
	});
});

describe("the player region's name", () => {
	it.each(LOCALES)('%s: is the region label alone; the keyboard help is its description', async (locale) => {
		const input = telco(locale, `A11Y-NAME-${locale}`);
		const messages = messagesFor(locale);
		await onWatchPage(input, async (page) => {
			await page.locator('billcast-player .bc-root').waitFor();
			expect(await accessibleNameOf(page, 'billcast-player .bc-root')).toEqual({
				name: fill(messages.player.regionLabel, {brand: input.bill.brand.name}),
				description: messages.player.keyboardHelp,
			});
		});
	});
});

describe('chapters', () => {
	it('are the scenes chapters.vtt names', () => {
		expect(chapterNames(telco('en-GB', 'A11Y-NAMES'))).toEqual(['Welcome', 'Your total', 'Where it goes', 'What you used', 'Payment', 'Thank you']);
	});

	it.each(LOCALES)('%s: Page Down reaches Payment and says so; Tab, Enter and Escape still take the pay button', async (locale) => {
		const input = telco(locale, `A11Y-KEYS-${locale}`);
		const messages = messagesFor(locale);
		const names = chapterNames(input);
		await onWatchPage(input, async (page) => {
			await page.locator('billcast-player .bc-root').focus();
			const reached = (number: number) => fill(messages.player.chapterReached, {number: String(number), count: String(names.length), name: names[number - 1]!});
			for (let presses = 0; presses < 4; presses++) await page.keyboard.press('PageDown');
			await expect.poll(() => announced(page)).toContain(reached(5));
			// Paused, the chapter shows settled: its pay button is there (it comes only once the due scene has settled).
			const hotspot = page.locator('[data-hotspot="pay"]');
			await hotspot.waitFor({state: 'visible'});
			await page.keyboard.press('Tab');
			expect(await focused(page, '[data-hotspot="pay"]')).toBe(true);
			await page.screenshot({path: join(shotsDir, `a11y-chapter-payment-${locale}.png`)});
			await page.keyboard.press('Enter');
			const sheet = page.getByRole('dialog');
			await sheet.waitFor({state: 'visible'});
			expect(await focused(page, '.bc-pay')).toBe(true);
			await page.keyboard.press('Escape');
			await sheet.waitFor({state: 'detached'});
			expect(await focused(page, '[data-hotspot="pay"]')).toBe(true);

			await page.locator('billcast-player .bc-root').focus();
			await page.keyboard.press('PageUp');
			await expect.poll(() => announced(page)).toContain(reached(4));
		});
	});

	it.each(LOCALES)('%s: the Chapters menu lists the scenes by name, checks the one playing and goes to the one chosen', async (locale) => {
		const input = telco(locale, `A11Y-MENU-${locale}`);
		const messages = messagesFor(locale);
		const names = chapterNames(input);
		await onWatchPage(input, async (page) => {
			const button = page.getByRole('button', {name: messages.player.chapters, exact: true});
			await button.focus();
			await page.keyboard.press('Enter');
			const menu = page.getByRole('menu', {name: messages.player.chapters});
			await menu.waitFor();
			expect(await button.getAttribute('aria-expanded')).toBe('true');
			const items = menu.getByRole('menuitemradio');
			expect(await items.evaluateAll((elements) => elements.map((element) => element.firstElementChild?.textContent))).toEqual(names);
			// Reduced motion waits on the greeting: it is checked, and has the focus.
			expect(await menu.getByRole('menuitemradio', {checked: true}).count()).toBe(1);
			expect(await items.nth(0).evaluate((element) => element === document.activeElement && element.getAttribute('aria-checked'))).toBe('true');
			await page.screenshot({path: join(shotsDir, `a11y-chapter-menu-${locale}.png`)});
			await page.keyboard.press('End');
			await page.keyboard.press('ArrowUp');
			await page.keyboard.press('Enter');
			await menu.waitFor({state: 'detached'});
			expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
			await expect.poll(() => announced(page)).toContain(fill(messages.player.chapterReached, {number: '5', count: String(names.length), name: names[4]!}));
			await page.locator('[data-hotspot="pay"]').waitFor({state: 'visible'});
			// Escape closes it back onto its button, going nowhere.
			await page.keyboard.press('ArrowDown');
			await menu.waitFor();
			expect(await menu.getByRole('menuitemradio', {checked: true}).textContent()).toContain(names[4]);
			await page.keyboard.press('Escape');
			await menu.waitFor({state: 'detached'});
			expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
		});
	});

	it('in MP4 mode the video carries the chapters track, and the menu the same chapters', async () => {
		const {stack, browser} = watchStack;
		const input = telco('it-IT', 'A11Y-MP4');
		const {id, links} = await post(input);
		const {timeline} = computeRenderInput({...input, format: 'landscape'});
		const page = await browser.newPage({viewport: {width: 64, height: 36}});
		try {
			await page.setContent('<body style="margin:0;background:#123"></body>');
			const video = execFileSync(
				compositorBinary('ffmpeg'),
				['-loglevel', 'error', '-f', 'image2pipe', '-c:v', 'png', '-framerate', '10', '-i', '-', '-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', 'frag_keyframe+empty_moov', '-f', 'mp4', '-'],
				{input: await page.screenshot()},
			);
			const files = buildCaptionFiles({timeline, script: scriptFor(input), chapters: chaptersOf(input.template, input.bill.customer.locale)});
			await stack.storage.put(artifactKey(id, 'video'), video, ARTIFACT_TYPES.video);
			await stack.storage.put(artifactKey(id, 'hotspots'), Buffer.from(JSON.stringify(hotspotManifestOf(timeline))), ARTIFACT_TYPES.hotspots);
			await stack.storage.put(artifactKey(id, 'chapters'), Buffer.from(files.chapters), ARTIFACT_TYPES.chapters);
			await stack.store.markCompleted(id, {durationInSeconds: 1, frames: 10, fps: 10, width: 64, height: 36, bytes: video.length});
			writeFileSync(join(shotsDir, 'a11y-mp4-chapters.vtt'), files.chapters);

			await page.setViewportSize(DESKTOP);
			await page.goto(`${links.watch}?player=mp4`);
			const track = page.locator('billcast-player video track[kind="chapters"]');
			await track.waitFor({state: 'attached'});
			expect(await track.evaluate((element: HTMLTrackElement) => [element.srclang, element.label])).toEqual(['it-IT', messagesFor('it-IT').player.chapters]);
			// Chromium loads a chapters track's cues once asked for them: they are the scenes, named in Italian.
			const cues = () =>
				track.evaluate((element: HTMLTrackElement) => {
					element.track.mode = 'hidden';
					return [...(element.track.cues ?? [])].map((cue) => (cue as VTTCue).text);
				});
			await expect.poll(cues).toEqual(chapterNames(input));
			await page.getByRole('button', {name: messagesFor('it-IT').player.chapters, exact: true}).click();
			expect(await page.getByRole('menuitemradio').evaluateAll((elements) => elements.map((element) => element.firstElementChild?.textContent))).toEqual(chapterNames(input));
			// The picture, a <video> here, is hidden from screen readers as the live composition is.
			expect(await page.locator('billcast-player video').evaluate((element) => element.closest('[aria-hidden="true"]') !== null)).toBe(true);
		} finally {
			await page.close();
		}
	});
});
