import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {messagesFor} from '../../src/i18n/catalogue';
import {liveFormatFor} from '../../src/player-layout';
import {computeRenderInput} from '../../src/render-input';
import {SCENE_FADE, TOTAL_MOTION} from '../../src/scene-motion';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {seekPaused} from '../helpers/seek-paused';
import {shotsDir, submitTelcoBill, useWatchStack} from '../helpers/browser-stack';

/**
 * Accessibility audit: with reduced motion the live player waited instead of autoplaying, but once Play was pressed
 * the total still counted up (€18.24 → €54.72 → €68.40) and scenes slid and grew. Now they stand in place.
 */
const watchStack = useWatchStack();

const DESKTOP = {width: 1366, height: 768};
const fixture = telcoFixtures['en-GB'];
const total = (id: string) => {
	const bill = {...fixture, customer: {...fixture.customer, id}};
	const {timeline} = computeRenderInput({template: 'telco-bill', bill, format: liveFormatFor(false)});
	return {bill, scene: timeline.scenes.find((scene) => scene.id === 'total')!};
};

/** The texts of the live stage that are exactly an amount of money: the total, while its scene plays. */
const amountsShown = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll('billcast-player .bc-stage div')]
			.filter((element) => element.childElementCount === 0 && /^€[\d,.]+$/.test(element.textContent ?? ''))
			.map((element) => element.textContent),
	);

describe('with reduced motion the live player draws each scene without movement', () => {
	it('shows the final total at once while the total scene plays after Play is pressed', async () => {
		const {bill, scene} = total('REDUCED-MOTION-PLAY');
		const render = await submitTelcoBill(watchStack.stack, bill);
		const page = await watchStack.browser.newPage({viewport: DESKTOP, reducedMotion: 'reduce'});
		try {
			await page.goto(render.links.watch);
			const play = page.locator('billcast-player .bc-intro').getByRole('button', {name: messagesFor('en-GB').player.playVideo});
			await play.click();
			// Every animation frame from the total's fade-in to the end of its count: the frame playing and the amounts drawn.
			const from = scene.from + SCENE_FADE;
			const to = scene.from + TOTAL_MOTION.count;
			const seen = await page.evaluate(
				([start, end]) =>
					new Promise<Array<{frame: number; amounts: string[]}>>((resolve) => {
						const samples: Array<{frame: number; amounts: string[]}> = [];
						const sample = () => {
							const frame = Number(document.querySelector<HTMLInputElement>('billcast-player .bc-seek')?.value ?? 0);
							if (frame > end) return resolve(samples);
							if (frame >= start)
								samples.push({
									frame,
									amounts: [...document.querySelectorAll('billcast-player .bc-stage div')]
										.filter((element) => element.childElementCount === 0 && /^€[\d,.]+$/.test(element.textContent ?? ''))
										.map((element) => element.textContent ?? ''),
								});
							requestAnimationFrame(sample);
						};
						requestAnimationFrame(sample);
					}),
				[from, to] as const,
			);
			await page.screenshot({path: join(shotsDir, 'reduced-motion-total-playing.png')});
			expect(seen.length).toBeGreaterThan(0);
			expect(new Set(seen.flatMap((s) => s.amounts))).toEqual(new Set(['€68.40']));
		} finally {
			await page.close();
		}
	});

	it('follows the preference when it changes while the page is open', async () => {
		const {bill, scene} = total('REDUCED-MOTION-CHANGE');
		const render = await submitTelcoBill(watchStack.stack, bill);
		const page = await watchStack.browser.newPage({viewport: DESKTOP, reducedMotion: 'no-preference'});
		try {
			await page.goto(render.links.watch);
			const midCount = scene.from + TOTAL_MOTION.count / 2;
			await seekPaused(page, midCount);
			await expect.poll(() => amountsShown(page)).toEqual(['€34.20']);
			await page.emulateMedia({reducedMotion: 'reduce'});
			await expect.poll(() => amountsShown(page)).toEqual(['€68.40']);
			await page.emulateMedia({reducedMotion: 'no-preference'});
			await expect.poll(() => amountsShown(page)).toEqual(['€34.20']);
		} finally {
			await page.close();
		}
	});
});
