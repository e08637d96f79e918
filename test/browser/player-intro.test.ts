import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {summarizeBill} from '../../src/bill-summary';
import {messagesFor} from '../../src/i18n/catalogue';
import {formatMoney} from '../../src/money';
import {paidNotice} from '../../src/paid-state';
import {computeRenderInput} from '../../src/render-input';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {seekPaused} from '../helpers/seek-paused';
import {shotsDir, submitTelcoBill, useWatchStack} from '../helpers/browser-stack';

const watchStack = useWatchStack();

const submit = (bill: TelcoBill) => submitTelcoBill(watchStack.stack, bill);

const PAID_AT = '2026-11-20T09:30:00Z';

describe("the player's intro card and pay sheet", () => {
	it('says on the intro card that a paid bill is paid, in every language, where it would say when to pay', async () => {
		for (const locale of ['en-GB', 'it-IT', 'ko-KR'] as const) {
			const fixture = telcoFixtures[locale];
			const bill = {...fixture, customer: {...fixture.customer, id: `INTRO-PAID-${locale}`}};
			const render = await submit(bill);
			const {amountDue: amount} = summarizeBill({template: 'telco-bill', bill});
			const paid = {amount, currency: bill.customer.currency, paidAt: PAID_AT, reference: `PSP-INTRO-${locale}`};
			const confirmed = await fetch(`${watchStack.stack.baseUrl}/v1/renders/${render.id}/payment`, {
				method: 'POST',
				headers: {'content-type': 'application/json', ...watchStack.stack.auth},
				body: JSON.stringify(paid),
			});
			expect(confirmed.status).toBe(201);
			const messages = messagesFor(locale);
			for (const [shot, viewport] of [
				['phone', {width: 390, height: 844}],
				['desktop', {width: 1366, height: 768}],
			] as const) {
				const page = await watchStack.browser.newPage({viewport, reducedMotion: 'reduce'});
				try {
					await page.goto(render.links.watch);
					const intro = page.locator('billcast-player .bc-intro');
					await intro.getByRole('button', {name: messages.player.playVideo}).waitFor();
					const banner = intro.locator('.bc-paid');
					// Narrow, "✓ Paid" shows and the sentence stays for screen readers; wide, the sentence shows.
					const shown = shot === 'phone' ? banner.locator('.bc-paid-short') : banner.locator('.bc-paid-full');
					expect(await shown.isVisible(), `${locale} ${shot}`).toBe(true);
					expect(await banner.locator('.bc-paid-full').textContent()).toBe(paidNotice({...paid, paidAt: PAID_AT}, locale));
					expect(await banner.locator('.bc-paid-short').textContent()).toBe(`✓ ${messages.paidTitle}`);
					expect(await intro.getByText(formatMoney({minor: amount, currency: bill.customer.currency, locale}), {exact: true}).isVisible()).toBe(true);
					// No "due by" under the amount of a bill that is paid, and only one banner at a time.
					expect(await intro.locator('.bc-intro-due').count()).toBe(0);
					expect(await page.locator('billcast-player .bc-paid').count()).toBe(1);
					await page.screenshot({path: join(shotsDir, `player-intro-paid-${locale}-${shot}.png`)});
					await intro.getByRole('button', {name: messages.player.playVideo}).click();
					await intro.waitFor({state: 'detached'});
					expect(await page.locator('billcast-player .bc-top .bc-paid').count()).toBe(1);
				} finally {
					await page.close();
				}
			}
		}
	});

	it('moves focus to the play control when the intro card goes, and names the pay sheet for what it is for', async () => {
		const fixture = telcoFixtures['en-GB'];
		const bill = {...fixture, customer: {...fixture.customer, id: 'INTRO-FOCUS'}};
		const render = await submit(bill);
		const page = await watchStack.browser.newPage({viewport: {width: 1366, height: 768}, reducedMotion: 'reduce'});
		try {
			await page.goto(render.links.watch);
			const play = page.getByRole('button', {name: 'Play your bill video'});
			await play.waitFor();
			for (let presses = 0; presses < 20 && !(await play.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('Tab');
			await page.keyboard.press('Enter');
			await page.locator('billcast-player .bc-intro').waitFor({state: 'detached'});
			await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('bc-play');
			expect(await page.locator('billcast-player .bc-root').getAttribute('data-state')).toBe('playing');
			// Space on the focused control pauses: the keyboard user goes on from where they were.
			await page.keyboard.press('Space');
			await expect.poll(() => page.locator('billcast-player .bc-root').getAttribute('data-state')).toBe('paused');

			const pay = computeRenderInput({template: 'telco-bill', bill, format: 'landscape'}).timeline.hotspots.find((h) => h.kind === 'pay')!;
			await seekPaused(page, pay.from + 15);
			await page.locator('[data-hotspot="pay"]').click();
			await page.getByRole('dialog', {name: 'Pay €68.40 now Aurora Mobile', exact: true}).waitFor();
		} finally {
			await page.close();
		}
	});
});
