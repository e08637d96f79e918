import type {Browser} from 'playwright-core';
import {expect} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';

export const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36';

interface Target {
	readonly baseUrl: string;
}

/**
 * A batch of `count` telco bills sent with `auth`; answers its id and, per bill, its number, render id, watch token and variant,
 * read from the batch's export (which also counts the links as exported).
 */
export const sendCampaign = async ({baseUrl}: Target, auth: Record<string, string>, prefix: string, count: number, query = '', base: TelcoBill = sampleTelcoBill) => {
	const lines = Array.from({length: count}, (_, index) => ({
		template: 'telco-bill',
		scale: 0.25,
		bill: {...base, billNumber: `${prefix}-${index}`, customer: {...base.customer, id: `${prefix}-C${index}`}},
	}));
	const response = await fetch(`${baseUrl}/v1/batches${query}`, {method: 'POST', headers: {'content-type': 'application/json', ...auth}, body: JSON.stringify(lines)});
	const accepted = (await response.json()) as {id: string; accepted: number};
	expect(accepted.accepted).toBe(count);
	const exported = await (await fetch(`${baseUrl}/v1/batches/${accepted.id}/export.ndjson`, {headers: auth})).text();
	const rows = exported.trim().split('\n').map((line) => JSON.parse(line) as {customerReference: string; renderId: string; watchLink: string; variant?: string});
	const byCustomer = new Map(rows.map((row) => [row.customerReference, row]));
	return {
		id: accepted.id,
		bills: lines.map((line) => {
			const row = byCustomer.get(line.bill.customer.id)!;
			return {billNumber: line.bill.billNumber, renderId: row.renderId, token: row.watchLink.split('/w/')[1]!, variant: row.variant};
		}),
	};
};

/** One viewer event through the public route, as the player sends it. */
export const sendViewerEvent = async ({baseUrl}: Target, token: string, event: Record<string, string>, userAgent = DESKTOP_UA) => {
	const response = await fetch(`${baseUrl}/v1/watch/${token}/events`, {
		method: 'POST',
		headers: {'content-type': 'text/plain', 'user-agent': userAgent},
		body: JSON.stringify(event),
	});
	expect(response.status).toBe(204);
};

/** The events a player sends for a viewing that stops at `until`, each with the scene it was sent from. */
export const watchUntil = async (target: Target, token: string, until: 'start' | 'breakdown' | 'end', userAgent = DESKTOP_UA) => {
	await sendViewerEvent(target, token, {type: 'view_started', scene: 'greeting'}, userAgent);
	if (until === 'start') return;
	await sendViewerEvent(target, token, {type: 'progress_25', scene: 'total'}, userAgent);
	await sendViewerEvent(target, token, {type: 'hotspot_shown', hotspot: 'pay', scene: 'breakdown'}, userAgent);
	if (until === 'breakdown') return;
	for (const type of ['progress_50', 'progress_75']) await sendViewerEvent(target, token, {type, scene: 'due'}, userAgent);
	await sendViewerEvent(target, token, {type: 'completed', scene: 'close'}, userAgent);
};

export const paymentOf = (billNumber: string, amount: number) => ({billNumber, amount, currency: 'EUR', paidAt: new Date().toISOString(), reference: `REF-${billNumber}`});

export type Viewing = 'glance' | 'breakdown' | 'end' | 'pay' | 'page-pay';

/** The player object the watch page defines, as far as a scripted viewer uses it. */
type PlayerElement = HTMLElement & {play(): Promise<void>; pause(): Promise<void>; seekToFrame(frame: number): Promise<void>};

/**
 * One customer opening a watch link in a real browser and using the live player as a person would: a glance (opens,
 * then leaves), watching until the breakdown and leaving there, watching to the end, going to the pay scene and
 * pressing pay in the sheet, or a glance and then the watch page's own Pay button. Answers the viewer events the page sent, in order, read off the wire.
 */
export const watchInBrowser = async ({
	browser,
	url,
	viewing,
	device,
	payFrame,
	shot,
}: {
	browser: Browser;
	url: string;
	viewing: Viewing;
	device: 'phone' | 'desktop';
	payFrame: number;
	/** Where to save a screenshot of the pay scene, for a viewer who pays. */
	shot?: string;
}) => {
	const context = await browser.newContext(
		device === 'phone' ? {viewport: {width: 390, height: 844}, userAgent: PHONE_UA, isMobile: true, hasTouch: true} : {viewport: {width: 1280, height: 800}, userAgent: DESKTOP_UA},
	);
	// The checkout is the supplier's: answered here so pressing pay leaves for a page that exists.
	await context.route(/^https:\/\/pay\./, (route) => route.fulfill({contentType: 'text/html', body: '<p>checkout</p>'}));
	const sent: Array<{type: string; scene?: string}> = [];
	context.on('request', (request) => {
		if (request.method() === 'POST' && /\/v1\/watch\/[^/]+\/events$/.test(request.url())) sent.push(JSON.parse(request.postData() ?? '{}'));
	});
	const sentOf = (type: string, scene?: string) => sent.some((event) => event.type === type && (scene === undefined || event.scene === scene));
	const page = await context.newPage();
	try {
		await page.goto(url);
		await page.waitForFunction(() => typeof (document.querySelector('billcast-player') as PlayerElement | null)?.play === 'function');
		await page.evaluate(() => (document.querySelector('billcast-player') as PlayerElement).play());
		await expect.poll(() => sentOf('view_started'), {timeout: 15_000}).toBe(true);
		if (viewing === 'breakdown') await expect.poll(() => sentOf('progress_50', 'breakdown'), {timeout: 60_000, interval: 100}).toBe(true);
		if (viewing === 'end') await expect.poll(() => sentOf('completed'), {timeout: 90_000, interval: 250}).toBe(true);
		if (viewing === 'pay') {
			await page.evaluate(async (frame) => {
				const player = document.querySelector('billcast-player') as PlayerElement;
				await player.pause();
				await player.seekToFrame(frame);
			}, payFrame);
			await page.locator('[data-hotspot="pay"]').waitFor({state: 'visible'});
			if (shot) await page.screenshot({path: shot});
			await page.locator('[data-hotspot="pay"]').click();
			await page.getByRole('dialog').locator('a.bc-pay').click();
			await expect.poll(() => sentOf('pay_clicked')).toBe(true);
		}
		if (viewing === 'page-pay') {
			await page.locator('a[data-billcast-pay]').click();
			await expect.poll(() => sentOf('pay_clicked')).toBe(true);
		}
	} finally {
		await context.close();
	}
	return sent;
};
