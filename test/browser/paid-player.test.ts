import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {computeRenderInput} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {seekPaused} from '../helpers/seek-paused';
import {shotsDir, submitTelcoBill, useWatchStack} from '../helpers/browser-stack';

const watchStack = useWatchStack();

const submit = async (customerId: string) => {
	const bill = {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: customerId}};
	return {bill, ...(await submitTelcoBill(watchStack.stack, bill))};
};

/** The same bill sent again as a one-line billing cycle: the campaign counters, scenes included, count renders sent in batches. */
const sendInCampaign = async (bill: typeof sampleTelcoBill) => {
	const response = await fetch(`${watchStack.stack.baseUrl}/v1/batches`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...watchStack.stack.auth},
		body: JSON.stringify([{template: 'telco-bill', bill}]),
	});
	expect(response.status).toBe(202);
};

/** Well inside the pay hotspot's frames, in the due scene. */
const payFrame = computeRenderInput({template: 'telco-bill', bill: sampleTelcoBill, format: 'landscape'}).timeline.hotspots.find((h) => h.kind === 'pay')!.from + 15;

describe('a bill the tenant confirmed paid', () => {
	it('plays live with a thank-you and no pay button, and its events name the scene they were sent from', async () => {
		const unpaid = await submit('PLAYER-UNPAID');
		const paid = await submit('PLAYER-PAID');
		await sendInCampaign(paid.bill);
		const confirmed = await fetch(`${watchStack.stack.baseUrl}/v1/renders/${paid.id}/payment`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...watchStack.stack.auth},
			body: JSON.stringify({amount: 6840, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z', reference: 'PSP-PLAYER'}),
		});
		expect(confirmed.status).toBe(201);

		const page = await watchStack.browser.newPage({viewport: {width: 1280, height: 900}});
		try {
			// The same frame of an unpaid bill shows the pay button, so its absence below is the paid state, not the frame.
			await page.goto(unpaid.links.watch);
			await page.locator('billcast-player .bc-root').waitFor();
			await seekPaused(page, payFrame);
			await page.locator('[data-hotspot="pay"]').waitFor({state: 'visible'});
			expect(await page.locator('.bc-paid').count()).toBe(0);

			await page.goto(paid.links.watch);
			const banner = page.locator('billcast-player .bc-paid');
			await banner.waitFor({state: 'visible'});
			expect(await banner.locator('.bc-paid-full').textContent()).toBe('We received €68.40 on 20\u00a0November\u00a02026. Thank you!');
			expect(await banner.locator('.bc-paid-short').isVisible()).toBe(false);
			await seekPaused(page, payFrame);
			// Played on from the due scene, the close scene's buttons appear and their hotspot_shown events name that scene
			// (seeks alone count as nothing watched, and the paid due scene shows no button).
			await page.evaluate(() => (document.querySelector('billcast-player') as HTMLElement & {play(): Promise<void>}).play());
			const flags = `${watchStack.stack.events.prefix}an:render:${paid.id}`;
			await expect.poll(() => watchStack.stack.redis.hget(flags, 'scene'), {timeout: 20_000}).toBe('close');
			await seekPaused(page, payFrame);
			expect(await page.locator('[data-hotspot="pay"]').count()).toBe(0);
			// The composition itself draws its paid state instead of the pay button.
			await page.locator('billcast-player').getByText('Paid. Thank you!', {exact: true}).waitFor({state: 'visible'});
			expect(await page.locator('billcast-player').getByText('Pay €68.40 now').count()).toBe(0);
			expect(await page.locator('a[data-billcast-pay]').count()).toBe(0);
			expect(await page.locator('p.paid[data-billcast-paid]').textContent()).toContain('We received €68.40');
			await page.screenshot({path: join(shotsDir, 'paid-watch-page.png')});
		} finally {
			await page.close();
		}
	});

	it("shows a paid payment reminder's Paid marks once: the scene's own, with no stamp of the player's over them", async () => {
		const bill = reminderFixtures['en-GB'];
		const response = await fetch(`${watchStack.stack.baseUrl}/v1/renders`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...watchStack.stack.auth},
			body: JSON.stringify({template: 'payment-reminder', bill: {...bill, customer: {...bill.customer, id: 'PLAYER-REMINDER-PAID'}}}),
		});
		const render = (await response.json()) as {id: string; links: {watch: string}};
		const confirmed = await fetch(`${watchStack.stack.baseUrl}/v1/renders/${render.id}/payment`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...watchStack.stack.auth},
			body: JSON.stringify({amount: bill.amountOverdue, currency: bill.customer.currency, paidAt: '2026-11-20T09:30:00Z', reference: 'PSP-REMINDER'}),
		});
		expect(confirmed.status).toBe(201);
		const pay = computeRenderInput({template: 'payment-reminder', bill, format: 'landscape'}).timeline.hotspots.find((h) => h.kind === 'pay')!;
		const page = await watchStack.browser.newPage({viewport: {width: 1280, height: 900}});
		try {
			await page.goto(render.links.watch);
			await page.locator('billcast-player .bc-paid').waitFor({state: 'visible'});
			await seekPaused(page, pay.from + 15);
			// Paying now and the instalment plan both asked for money: the scene outlines Paid in their place, and nothing
			// does anything there. The player's green stamp was a second "Paid" drawn over each.
			const marks = page.locator('billcast-player .bc-stage').getByText('Paid', {exact: true});
			await expect.poll(() => marks.count()).toBe(2);
			expect(await page.locator('billcast-player .bc-paid-stamp').count()).toBe(0);
			// The banner's green has a white edge: on a green brand's scene it vanished.
			expect(await page.locator('billcast-player .bc-paid').evaluate((banner) => getComputedStyle(banner).boxShadow)).toMatch(/rgba\(255, 255, 255/);
			expect(await page.locator('[data-hotspot="pay"], [data-hotspot="instalments"]').count()).toBe(0);
			// Calling stays, in the video and on the page; the page offers no plan any more.
			expect(await page.locator('[data-hotspot="call"]').count()).toBe(1);
			expect(await page.locator('nav.options a').allTextContents()).toEqual([`Talk to us: ${bill.phone.replaceAll(' ', '\u00a0')}`]);
			await page.screenshot({path: join(shotsDir, 'paid-reminder-stamp.png')});

			// On a phone the frame is too narrow for the sentence: the banner says "✓ Paid" (the sentence stays for screen
			// readers). The captions have their band under the picture, clear of the Paid marks and the scene's heading.
			await page.setViewportSize({width: 390, height: 844});
			await page.getByRole('button', {name: 'Captions', exact: true}).click();
			const caption = page.locator('billcast-player .bc-caption');
			await caption.waitFor({state: 'visible'});
			const banner = page.locator('billcast-player .bc-paid');
			expect(await banner.locator('.bc-paid-short').textContent()).toBe('✓ Paid');
			expect((await banner.locator('.bc-paid-full').boundingBox())!.width).toBeLessThanOrEqual(1);
			const [bannerBox, captionBox, markBox, frameBox] = await Promise.all([
				banner.boundingBox(),
				caption.boundingBox(),
				marks.first().boundingBox(),
				page.locator('billcast-player .bc-frame').boundingBox(),
			]);
			expect(bannerBox!.height).toBeLessThan(40);
			expect(captionBox!.y).toBeGreaterThanOrEqual(markBox!.y + markBox!.height);
			expect(captionBox!.y).toBeGreaterThanOrEqual(frameBox!.y + frameBox!.height);
			await page.screenshot({path: join(shotsDir, 'paid-reminder-phone.png')});
		} finally {
			await page.close();
		}
	});
});
