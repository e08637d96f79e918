import {mkdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Bill} from '../../src/bill-schema';
import {computeRenderInput} from '../../src/render-input';
import {sampleBill} from '../../src/sample-bill';
import {signWatchToken} from '../../server/watch-token';
import {launchChromium} from '../helpers/browser';
import {startCheckoutServer} from '../helpers/checkout-server';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';

const shotsDir = process.env.BILLCAST_SHOTS_DIR ?? join(tmpdir(), 'billcast-shots');
mkdirSync(shotsDir, {recursive: true});

let checkout: Awaited<ReturnType<typeof startCheckoutServer>>;
let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
	checkout = await startCheckoutServer();
	stack = await startTestStack({
		redisUrl: inject('redisUrl'),
		serveUrl: inject('serveUrl'),
		withWorker: false,
		tenant: {httpPayHostsForTesting: [checkout.host]},
	});
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await stack?.close();
	await checkout?.close();
});

const billFor = (customerId: string, overrides: Partial<Bill> = {}): Bill => ({
	...sampleBill,
	customer: {...sampleBill.customer, id: customerId},
	payment: {status: 'due', payUrl: checkout.payUrl},
	...overrides,
});

const submit = async (target: TestStack, bill: Bill, scale = 1) => {
	const response = await fetch(`${target.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...target.auth},
		body: JSON.stringify({template: 'telco-bill', bill, scale}),
	});
	expect(response.status).toBe(202);
	return (await response.json()) as {id: string; links: {watch: string}};
};

const analytics = async (target: TestStack, id: string) =>
	((await (await fetch(`${target.baseUrl}/v1/renders/${id}/analytics`, {headers: target.auth})).json()) as {events: Record<string, {count: number}>}).events;

const waitForEvents = async (target: TestStack, id: string, wanted: string[]) => {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const events = await analytics(target, id);
		if (wanted.every((type) => (events[type]?.count ?? 0) > 0) || Date.now() > deadline) return events;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
};

/** Script errors and console errors (CSP reports among them) a page logs; a clean page has none. */
const collectProblems = (page: Page): string[] => {
	const problems: string[] = [];
	page.on('pageerror', (error) => problems.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(message.text());
	});
	return problems;
};

/** The first frame of the pay hotspot, plus a little so the seek lands well inside it. */
const payFrame = (bill: Bill) => {
	const pay = computeRenderInput({template: 'telco-bill', bill, format: 'landscape'}).timeline.hotspots.find((h) => h.kind === 'pay');
	return pay!.from + 15;
};

/** Seek to the pay scene, find the hotspot with Tab, open the sheet, pay, and land on the checkout. */
const seekPaused = (page: Page, frame: number) =>
	page.evaluate(async (to) => {
		const player = document.querySelector('billcast-player') as HTMLElement & {
			pause(): Promise<void>;
			seekToFrame(frame: number): Promise<void>;
		};
		await player.pause();
		await player.seekToFrame(to);
	}, frame);

/** Playing, as the live Player's own button or the <video> says. */
const isPlaying = (page: Page) =>
	page.evaluate(() => {
		const video = document.querySelector('billcast-player video') as HTMLVideoElement | null;
		return video ? !video.paused : document.querySelector('billcast-player [aria-label="Pause video"]') !== null;
	});

const payThroughTheVideo = async ({page, bill, shot}: {page: Page; bill: Bill; shot: string}) => {
	await seekPaused(page, payFrame(bill));
	const hotspot = page.locator('[data-hotspot="pay"]');
	await hotspot.waitFor({state: 'visible'});
	expect(await hotspot.getAttribute('aria-label')).toBe('Pay €68.40 now');
	await page.locator('.bc-root').focus();
	for (let presses = 0; presses < 12; presses++) {
		if (await hotspot.evaluate((element) => element === document.activeElement)) break;
		await page.keyboard.press('Tab');
	}
	expect(await hotspot.evaluate((element) => element === document.activeElement)).toBe(true);
	await page.screenshot({path: join(shotsDir, `${shot}-pay-hotspot.png`)});
	await page.keyboard.press('Enter');
	const sheet = page.getByRole('dialog');
	await sheet.waitFor({state: 'visible'});
	expect(await sheet.getByTestId('sheet-amount').textContent()).toBe('€68.40');
	expect(await sheet.textContent()).toContain(bill.billNumber);
	await page.screenshot({path: join(shotsDir, `${shot}-pay-sheet.png`)});
	expect(await isPlaying(page)).toBe(false);
	await page.keyboard.press('Escape');
	await sheet.waitFor({state: 'detached'});
	await expect.poll(() => isPlaying(page)).toBe(true);
	await seekPaused(page, payFrame(bill));
	await hotspot.click();
	await sheet.waitFor({state: 'visible'});
	await Promise.all([page.waitForURL(/\/checkout\?/), sheet.getByRole('link', {name: 'Pay €68.40 now'}).click()]);
	const arrived = new URL(page.url());
	expect(arrived.host).toBe(checkout.host);
	expect(arrived.searchParams.get('reference')).toBe(bill.billNumber);
	expect(arrived.searchParams.get('amount')).toBe('68.40');
	expect(arrived.searchParams.get('currency')).toBe('EUR');
};

const livePayFlow = async ({viewport, shot, customerId}: {viewport: {width: number; height: number}; shot: string; customerId: string}) => {
	const bill = billFor(customerId);
	const render = await submit(stack, bill);
	const page = await browser.newPage({viewport});
	const problems = collectProblems(page);
	try {
		await page.goto(render.links.watch);
		const greeting = page.locator('billcast-player').getByText(`Hi ${bill.customer.name}`);
		await greeting.waitFor({state: 'visible'});
		// The greeting fades in: wait until it is actually painted, not just in the DOM.
		await page.waitForFunction(() => {
			const stage = document.querySelector('billcast-player');
			const text = [...(stage?.querySelectorAll('div') ?? [])].find((d) => d.textContent?.startsWith('Hi ') && d.children.length === 0);
			let opacity = 1;
			for (let node: Element | null = text ?? null; node && node !== stage; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
			return text !== undefined && opacity > 0.9;
		});
		await page.screenshot({path: join(shotsDir, `${shot}-first-frame.png`)});
		await payThroughTheVideo({page, bill, shot});
		const events = await waitForEvents(stack, render.id, ['view_started', 'hotspot_shown', 'hotspot_clicked', 'pay_clicked']);
		expect(Object.keys(events)).toEqual(expect.arrayContaining(['view_started', 'hotspot_shown', 'hotspot_clicked', 'pay_clicked']));
		expect(problems).toEqual([]);
	} finally {
		await page.close();
	}
};

describe('the watch page plays the bill live and pays from inside the video', () => {
	it('at desktop size (1280×800)', async () => {
		await livePayFlow({viewport: {width: 1280, height: 800}, shot: 'desktop', customerId: 'CUST-DESKTOP'});
	});

	it('at phone size (390×844)', async () => {
		await livePayFlow({viewport: {width: 390, height: 844}, shot: 'phone', customerId: 'CUST-PHONE'});
	});
});

describe('the watch page is safe', () => {
	it('shows a customer name made of markup as text and runs nothing', async () => {
		const name = '<img src=x onerror=alert(1)>';
		const bill = billFor('CUST-XSS', {customer: {...sampleBill.customer, id: 'CUST-XSS', name}});
		const render = await submit(stack, bill);
		// Reduced motion too: the player then waits on the settled greeting instead of playing.
		const page = await browser.newPage({viewport: {width: 390, height: 844}, reducedMotion: 'reduce'});
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		try {
			await page.goto(render.links.watch);
			await page.locator('billcast-player').getByText(`Hi ${name}`).waitFor();
			expect(await page.locator('p.customer').textContent()).toBe(name);
			expect(await page.locator('img[src="x"]').count()).toBe(0);
			expect(dialogs).toEqual([]);
			await page.screenshot({path: join(shotsDir, 'phone-xss-name-reduced-motion.png'), fullPage: true});
		} finally {
			await page.close();
		}
	});

	it('answers a tampered link with 404 and an expired one with 410, showing no bill data', async () => {
		const bill = billFor('CUST-LINKS');
		const render = await submit(stack, bill);
		const token = render.links.watch.split('/w/')[1]!;
		const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
		const expired = signWatchToken({secret: stack.watchSecret, renderId: render.id, ttlDays: 1, now: new Date(Date.now() - 2 * 86_400_000)});
		for (const [bad, status] of [
			[tampered, 404],
			[expired, 410],
		] as const) {
			const page = await fetch(`${stack.baseUrl}/w/${bad}`);
			expect(page.status).toBe(status);
			const text = await page.text();
			for (const secret of [bill.customer.name, bill.billNumber, bill.brand.name, '68.40', render.id]) expect(text).not.toContain(secret);
			const data = await fetch(`${stack.baseUrl}/v1/watch/${bad}`);
			expect(data.status).toBe(status);
			expect(await data.text()).not.toContain(bill.customer.name);
		}
		const page = await browser.newPage();
		try {
			const response = await page.goto(`${stack.baseUrl}/w/${expired}`);
			expect(response?.status()).toBe(410);
			expect(await page.getByRole('heading').textContent()).toBe('This link has expired');
			await page.screenshot({path: join(shotsDir, 'desktop-expired-link.png')});
		} finally {
			await page.close();
		}
	});

	it('stores viewer events and rate-limits them per link', async () => {
		const render = await submit(stack, billFor('CUST-EVENTS'));
		const eventsUrl = render.links.watch.replace('/w/', '/v1/watch/') + '/events';
		const send = (body: string) => fetch(eventsUrl, {method: 'POST', headers: {'content-type': 'text/plain'}, body});
		expect((await send('{"type":"nonsense"}')).status).toBe(422);
		const statuses: number[] = [];
		for (let i = 0; i < 121; i++) statuses.push((await send('{"type":"progress_25"}')).status);
		expect(statuses.filter((status) => status === 204)).toHaveLength(119);
		expect(statuses.at(-1)).toBe(429);
		expect((await analytics(stack, render.id)).progress_25?.count).toBe(119);
	});

	it('refuses a bill whose pay URL is not https on an allowed host', async () => {
		for (const payUrl of ['https://evil.example/pay', 'http://pay.example.com/checkout']) {
			const response = await fetch(`${stack.baseUrl}/v1/renders`, {
				method: 'POST',
				headers: {'content-type': 'application/json', ...stack.auth},
				body: JSON.stringify({template: 'telco-bill', bill: {...sampleBill, payment: {status: 'due', payUrl}}}),
			});
			expect(response.status).toBe(422);
			const problem = (await response.json()) as {errors: {path: string}[]};
			expect(problem.errors.map((e) => e.path)).toEqual(['bill.payment.payUrl']);
		}
	});
});

describe('MP4 mode', () => {
	let renderStack: TestStack;
	beforeAll(async () => {
		renderStack = await startTestStack({
			redisUrl: inject('redisUrl'),
			serveUrl: inject('serveUrl'),
			withWorker: true,
			tenant: {httpPayHostsForTesting: [checkout.host]},
		});
	});
	afterAll(async () => {
		await renderStack?.close();
	});

	it('plays the rendered file with the same hotspots and pays from it', async () => {
		const bill = billFor('CUST-MP4', {lineItems: [], usage: undefined, amountDue: 6840});
		const render = await submit(renderStack, bill, 0.25);
		expect((await waitForRender(renderStack, render.id)).status).toBe('completed');
		// Captions come from another part of the renderer; a file beside the video is all the player needs.
		writeFileSync(join(renderStack.rendersDir, render.id, 'captions.vtt'), 'WEBVTT\n\n00:00.000 --> 00:30.000\nYour bill is ready\n');
		const page = await browser.newPage({viewport: {width: 1280, height: 800}});
		const problems = collectProblems(page);
		try {
			await page.goto(`${render.links.watch}?player=mp4`);
			const video = page.locator('billcast-player video');
			await video.waitFor();
			await page.waitForFunction(() => (document.querySelector('billcast-player video') as HTMLVideoElement | null)?.readyState! >= 2);
			expect(await page.getByRole('link', {name: 'Video (MP4)'}).count()).toBe(1);
			expect(await page.getByRole('link', {name: 'Captions (WebVTT)'}).count()).toBe(1);
			const captions = page.getByRole('button', {name: 'CC'});
			await captions.click();
			expect(await captions.getAttribute('aria-pressed')).toBe('true');
			expect(await video.evaluate((element: HTMLVideoElement) => element.textTracks[0]?.mode)).toBe('showing');
			await payThroughTheVideo({page, bill, shot: 'mp4'});
			const events = await waitForEvents(renderStack, render.id, ['hotspot_clicked', 'pay_clicked']);
			expect(Object.keys(events)).toEqual(expect.arrayContaining(['hotspot_shown', 'hotspot_clicked', 'pay_clicked']));
			expect(problems).toEqual([]);
		} finally {
			await page.close();
		}
	});
});
