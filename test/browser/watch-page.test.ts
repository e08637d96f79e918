import {mkdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Browser, Locator, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {VideoFormat} from '../../src/formats';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {messagesFor, wordsFor} from '../../src/i18n/catalogue';
import {computeRenderInput} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {signWatchToken} from '../../server/watch/watch-token';
import {launchChromium} from '../helpers/browser';
import {seekPaused} from '../helpers/seek-paused';
import {brokenWords} from '../helpers/broken-words';
import {yellowPixelCount} from '../helpers/image-stats';
import {wordCatalogues} from '../helpers/word-catalogues';
import {startCheckoutServer} from '../helpers/checkout-server';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';

const shotsDir = process.env.BILLCAST_SHOTS_DIR ?? join(tmpdir(), 'billcast-shots');
mkdirSync(shotsDir, {recursive: true});

let checkout: Awaited<ReturnType<typeof startCheckoutServer>>;
let stack: TestStack;
/** A stack with a render worker, whose pay links may go to the local checkout stub too. */
let renderStack: TestStack;
let browser: Browser;

beforeAll(async () => {
	checkout = await startCheckoutServer();
	const stackOptions = {redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), tenant: {httpPayHostsForTesting: [checkout.host]}};
	stack = await startTestStack({...stackOptions, withWorker: false});
	browser = await launchChromium();
	renderStack = await startTestStack({...stackOptions, withWorker: true});
	// Queued now, so the worker makes the videos while the live player's tests run; each test posts its request again
	// (the same request is the same render) and waits for it.
	for (const request of renderedRequests()) await post(renderStack, request);
});
afterAll(async () => {
	await browser?.close();
	await renderStack?.close();
	await stack?.close();
	await checkout?.close();
});

const billFor = (customerId: string, overrides: Partial<TelcoBill> = {}): TelcoBill => ({
	...sampleTelcoBill,
	customer: {...sampleTelcoBill.customer, id: customerId},
	payment: {status: 'due', payUrl: checkout.payUrl},
	...overrides,
});

const post = async (target: TestStack, request: object) => {
	const response = await fetch(`${target.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...target.auth},
		body: JSON.stringify(request),
	});
	expect(response.status).toBe(202);
	return (await response.json()) as {id: string; links: {watch: string}};
};

const telcoRequest = (bill: TelcoBill, scale = 1, format: VideoFormat = 'landscape') => ({template: 'telco-bill', bill, scale, format});

const submit = (target: TestStack, bill: TelcoBill, scale = 1, format: VideoFormat = 'landscape') => post(target, telcoRequest(bill, scale, format));

/** The fewest scenes that still ask to be paid (greeting, total, due, close): the shortest video with a pay button. */
const shortDueBill = (customerId: string) => billFor(customerId, {lineItems: [], usage: undefined, amountDue: 6840});

/**
 * Never paid and never written to, so the tests that only watch it share one render: the MP4 without scripts, the
 * format nearest the screen and fullscreen.
 */
const unpaidBill = () => shortDueBill('CUST-MP4-UNPAID');

const reminderRequest = () => {
	const bill = reminderFixtures['it-IT'];
	return {template: 'payment-reminder', format: 'portrait', scale: 0.25, bill: {...bill, customer: {...bill.customer, id: 'CUST-MP4-PAID-IT'}}};
};

/** Every request the tests render, in the order they watch them. */
const renderedRequests = () => [
	telcoRequest(shortDueBill('CUST-MP4'), 0.25),
	reminderRequest(),
	telcoRequest(unpaidBill(), 0.25),
	telcoRequest(unpaidBill(), 0.25, 'portrait'),
	telcoRequest(squareCaptionsBill(), 0.25, 'square'),
	telcoRequest(localeBill('it-IT'), 0.25),
	telcoRequest(localeBill('ko-KR'), 0.25),
];

const analytics = async (target: TestStack, id: string) =>
	((await (await fetch(`${target.baseUrl}/v1/renders/${id}/analytics`, {headers: target.auth})).json()) as {events: Record<string, {count: number}>}).events;

/** The render's analytics once every wanted event is counted; fails naming those still missing after 10 s. */
const waitForEvents = async (target: TestStack, id: string, wanted: string[]) => {
	const missing = async () => {
		const events = await analytics(target, id);
		return wanted.filter((type) => (events[type]?.count ?? 0) === 0);
	};
	await expect.poll(missing, {timeout: 10_000, interval: 200, message: `viewer events of render ${id} not yet counted`}).toEqual([]);
	return analytics(target, id);
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
const payFrame = (bill: TelcoBill) => {
	const pay = computeRenderInput({template: 'telco-bill', bill, format: 'landscape'}).timeline.hotspots.find((h) => h.kind === 'pay');
	return pay!.from + 15;
};

/** Playing, as the player's shell says (it follows the live Player's and the <video>'s own events). */
const isPlaying = (page: Page) => page.evaluate(() => document.querySelector<HTMLElement>('billcast-player .bc-root')?.dataset.state === 'playing');

const playFromPayScene = (page: Page, frame: number) =>
	page.evaluate(async (to) => {
		const player = document.querySelector('billcast-player') as HTMLElement & {seekToFrame(frame: number): Promise<void>; play(): Promise<void>};
		await player.seekToFrame(to);
		await player.play();
	}, frame);

/** Seek to the pay scene, find the hotspot with Tab, open the sheet, pay, and land on the checkout. */
const payThroughTheVideo = async ({page, bill, shot}: {page: Page; bill: TelcoBill; shot: string}) => {
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
	// Tab stays inside the dialog.
	for (let presses = 0; presses < 4; presses++) {
		await page.keyboard.press('Tab');
		expect(await sheet.evaluate((element) => element.contains(document.activeElement))).toBe(true);
	}
	await page.keyboard.press('Escape');
	await sheet.waitFor({state: 'detached'});
	// Focus returns to the button that opened the sheet; the video was paused, so it stays paused.
	expect(await hotspot.evaluate((element) => element === document.activeElement)).toBe(true);
	expect(await isPlaying(page)).toBe(false);
	// Opened while playing, closing it resumes.
	await playFromPayScene(page, payFrame(bill));
	await expect.poll(() => isPlaying(page)).toBe(true);
	await hotspot.click();
	await sheet.waitFor({state: 'visible'});
	expect(await isPlaying(page)).toBe(false);
	await sheet.getByRole('button').click();
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
		const bill = billFor('CUST-XSS', {customer: {...sampleTelcoBill.customer, id: 'CUST-XSS', name}});
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
		// The page cannot use the bill's language, so it speaks the browser's; the video's link, opened in a browser from
		// an SMS, gets the same page instead of problem+json.
		for (const [locale, heading] of [
			['it-IT', 'Questo link è scaduto'],
			['ko-KR', '링크가 만료되었습니다'],
		] as const) {
			const phone = await browser.newPage({locale, viewport: {width: 390, height: 844}});
			try {
				for (const address of [`${stack.baseUrl}/w/${expired}`, `${stack.baseUrl}/v1/watch/${expired}/video.mp4`]) {
					const response = await phone.goto(address);
					expect(response?.status(), address).toBe(410);
					expect(await phone.getByRole('heading').textContent(), address).toBe(heading);
					expect(await phone.locator('html').getAttribute('lang')).toBe(locale.slice(0, 2));
				}
				await phone.screenshot({path: join(shotsDir, `phone-expired-link-${locale}.png`)});
			} finally {
				await phone.close();
			}
		}
		const tamperedVideo = await fetch(`${stack.baseUrl}/v1/watch/${tampered}/video.mp4`, {headers: {accept: 'text/html', 'accept-language': 'fr-FR'}});
		expect(tamperedVideo.status).toBe(404);
		expect(await tamperedVideo.text()).toContain('<h1>This link does not work</h1>');
		expect((await fetch(`${stack.baseUrl}/v1/watch/${tampered}/video.mp4`)).headers.get('content-type')).toMatch(/^application\/problem\+json/);
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
				body: JSON.stringify({template: 'telco-bill', bill: {...sampleTelcoBill, payment: {status: 'due', payUrl}}}),
			});
			expect(response.status).toBe(422);
			const problem = (await response.json()) as {errors: {path: string}[]};
			expect(problem.errors.map((e) => e.path)).toEqual(['bill.payment.payUrl']);
		}
	});
});

/**
 * English catalogue strings a translation replaces, as patterns ({amount} and the like match any text). A word both
 * languages use for something (Italian "Data" is a date) is not English there.
 */
const englishPatterns = (locale: string): RegExp[] => {
	const flat = (tree: object, prefix = ''): [string, string][] =>
		Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flat(value, `${prefix}${key}.`)));
	const english = wordCatalogues.flatMap(([name, catalogue]) => flat(catalogue.en, `${name}.`));
	const translated = new Map(wordCatalogues.flatMap(([name, catalogue]) => flat(wordsFor(catalogue, locale), `${name}.`)));
	const translatedWords = new Set(translated.values());
	return english
		.filter(([key, english]) => translated.get(key) !== english && !translatedWords.has(english))
		.map(([, english]) => new RegExp(`^${english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+')}$`));
};

/** Every visible text and every accessible name or label on the page, the player's included. */
const textsAndNames = (page: Page) =>
	page.evaluate(() => {
		const out: string[] = [document.title];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const element = node.parentElement;
			const text = node.textContent?.trim();
			if (!text || !element || element.closest('script,style')) continue;
			if (element.getClientRects().length === 0 || getComputedStyle(element).visibility === 'hidden') continue;
			out.push(text);
		}
		for (const element of document.querySelectorAll('[aria-label],[title],[alt],track')) {
			for (const name of ['aria-label', 'title', 'alt', 'label']) {
				const value = element.getAttribute(name)?.trim();
				if (value) out.push(value);
			}
		}
		for (const element of document.querySelectorAll('button,a,[role="button"],[role="dialog"] dt')) out.push(element.textContent?.trim() ?? '');
		return out.filter(Boolean);
	});

const squareCaptionsBill = () => billFor('CUST-SQUARE-CAPTIONS', {lineItems: [], usage: undefined});

/** A short bill in the fixture's language with something to pay through the test checkout. */
const localeBill = (locale: 'it-IT' | 'ko-KR'): TelcoBill => ({
	...telcoFixtures[locale],
	customer: {...telcoFixtures[locale].customer, id: `CUST-${locale}`},
	lineItems: [],
	usage: undefined,
	previousByCategory: undefined,
	payment: {status: 'due', payUrl: checkout.payUrl},
});

describe('the watch page as a customer first sees it', () => {
	it('keeps the player box from the first byte, shows who and how much with a large play control, and keeps Pay above the fold', async () => {
		const bill = billFor('CUST-FIRST');
		const render = await submit(stack, bill);
		for (const {viewport, shot, format} of [
			{viewport: {width: 1280, height: 800}, shot: 'desktop', format: '1280 / 720'},
			{viewport: {width: 390, height: 844}, shot: 'phone', format: '1080 / 1920'},
		]) {
			const page = await browser.newPage({viewport, reducedMotion: 'reduce'});
			const problems = collectProblems(page);
			await page.addInitScript(() => {
				const seen: string[] = [];
				(window as unknown as {violations: string[]}).violations = seen;
				document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
				(window as unknown as {cls: number}).cls = 0;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & {value: number; hadRecentInput: boolean})[]) {
						if (!entry.hadRecentInput) (window as unknown as {cls: number}).cls += entry.value;
					}
				}).observe({type: 'layout-shift', buffered: true});
			});
			try {
				await page.goto(render.links.watch);
				const play = page.getByRole('button', {name: 'Play your bill video'});
				await play.waitFor({state: 'visible'});
				const intro = page.locator('.bc-intro');
				expect(await intro.getByText(bill.customer.name).isVisible()).toBe(true);
				expect(await intro.getByText('€68.40').isVisible()).toBe(true);
				expect((await play.boundingBox())!.height).toBeGreaterThanOrEqual(48);
				expect(await page.locator('.bc-frame').evaluate((element: HTMLElement) => element.style.aspectRatio)).toBe(format);
				// The composition's own fonts and frames are in: nothing moved on the way.
				await page.locator('billcast-player').getByText(`Hi ${bill.customer.name}`).waitFor();
				const cls = await page.evaluate(() => (window as unknown as {cls: number}).cls);
				const script = await page.evaluate(() =>
					performance
						.getEntriesByType('resource')
						.map((entry) => entry as PerformanceResourceTiming)
						.find((entry) => entry.name.includes('/player/billcast-player.')),
				);
				console.log(`${shot}: CLS ${cls.toFixed(4)}, player script ${script?.transferSize} bytes transferred (${script?.decodedBodySize} decoded)`);
				expect(cls).toBeLessThan(0.05);
				// zod's eval probe is off in the player: the page's CSP has nothing to report.
				expect(await page.evaluate(() => (window as unknown as {violations: string[]}).violations)).toEqual([]);
				expect(script!.transferSize).toBeLessThan(300_000);
				if (shot === 'desktop') expect((await page.locator('a[data-billcast-pay]').boundingBox())!.y + 50).toBeLessThanOrEqual(800);
				// Upright, the portrait video takes the phone's width: the layout test's 12 px text assumes at least 360 px.
				if (shot === 'phone') expect((await page.locator('.bc-frame').boundingBox())!.width).toBeGreaterThanOrEqual(360);
				await page.screenshot({path: join(shotsDir, `${shot}-first-impression.png`)});
				await play.click();
				await expect.poll(() => isPlaying(page)).toBe(true);
				// A tap on the picture pauses, another plays.
				await page.locator('.bc-frame').click({position: {x: 10, y: 10}});
				await expect.poll(() => isPlaying(page)).toBe(false);
				await page.locator('.bc-frame').click({position: {x: 10, y: 10}});
				await expect.poll(() => isPlaying(page)).toBe(true);
				expect(problems).toEqual([]);
			} finally {
				await page.close();
			}
		}
	});

	it("draws the customer's emoji in colour on the page, on the play screen and in the live video", async () => {
		const name = 'Zoë 😀';
		const bill = billFor('CUST-EMOJI', {customer: {...sampleTelcoBill.customer, id: 'CUST-EMOJI', name}});
		const render = await submit(stack, bill);
		const page = await browser.newPage({viewport: {width: 390, height: 844}, reducedMotion: 'reduce'});
		const problems = collectProblems(page);
		try {
			await page.goto(render.links.watch);
			const shots = {page: page.locator('p.customer'), playScreen: page.locator('.bc-intro').getByText(name)};
			await shots.playScreen.waitFor();
			const yellow = async (where: string, element: Locator) => yellowPixelCount(await element.screenshot({path: join(shotsDir, `phone-emoji-${where}.png`)}));
			for (const [where, element] of Object.entries(shots)) expect(await yellow(where, element), where).toBeGreaterThan(20);
			await page.getByRole('button', {name: 'Play your bill video'}).click();
			await seekPaused(page, computeRenderInput({template: 'telco-bill', format: 'portrait', bill}).timeline.staticHolds[0]!.from);
			expect(await yellow('video', page.locator('billcast-player').getByText(`Hi ${name}`))).toBeGreaterThan(20);
			// The emoji face has only emoji: digits and spaces fall through to the next font, as on a device without the
			// text fonts named before it (Noto Color Emoji's own digits are wide and grey).
			const widths = await page.evaluate(() =>
				["'billcast emoji', serif", 'serif'].map((family) => {
					const span = Object.assign(document.createElement('span'), {textContent: '68.40 12 345'});
					span.style.fontFamily = family;
					document.body.append(span);
					const width = span.getBoundingClientRect().width;
					span.remove();
					return width;
				}),
			);
			expect(widths[0]).toBe(widths[1]);
			expect(problems).toEqual([]);
		} finally {
			await page.close();
		}
	});

	it('serves the player script compressed, content-hashed and cached for long', async () => {
		const render = await submit(stack, billFor('CUST-SCRIPT'));
		const html = await (await fetch(render.links.watch)).text();
		const src = /<script nonce="[^"]+" src="([^"]+)"/.exec(html)![1]!;
		expect(src).toMatch(/^\/player\/billcast-player\.[0-9a-f]{16}\.js$/);
		const response = await fetch(`${stack.baseUrl}${src}`, {headers: {'accept-encoding': 'gzip'}});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect((await fetch(`${stack.baseUrl}/player/billcast-player.0000000000000000.js`)).status).toBe(404);
	});

	it('stays on the last frame with replay at the end, and counts only what was watched', async () => {
		const bill = billFor('CUST-END');
		const render = await submit(stack, bill);
		const {durationInFrames, timeline} = computeRenderInput({template: 'telco-bill', bill, format: 'landscape'});
		const lastHold = timeline.staticHolds.at(-1)!;
		const page = await browser.newPage({viewport: {width: 1280, height: 800}, reducedMotion: 'reduce'});
		try {
			await page.goto(render.links.watch);
			await page.getByRole('button', {name: 'Play your bill video'}).waitFor();
			await playFromPayScene(page, Math.floor(durationInFrames * 0.85));
			await expect.poll(() => page.evaluate(() => document.querySelector<HTMLElement>('.bc-root')?.dataset.state), {timeout: 20_000}).toBe('ended');
			const seek = page.getByRole('slider');
			// Resting on the last scene settled, not faded out, with its buttons still live.
			await expect.poll(async () => Number(await seek.inputValue())).toBe(lastHold.from + lastHold.durationInFrames - 1);
			expect(await page.locator('[data-hotspot]').count()).toBeGreaterThan(0);
			expect(await page.getByRole('button', {name: 'Watch again'}).isVisible()).toBe(true);
			await page.screenshot({path: join(shotsDir, 'desktop-ended.png')});
			await page.evaluate(() => (document.querySelector('billcast-player') as HTMLElement & {reportPayClick(): Promise<void>}).reportPayClick());
			const events = await waitForEvents(stack, render.id, ['pay_clicked']);
			expect(events.progress_25).toBeUndefined();
			expect(events.progress_50).toBeUndefined();
			await page.getByRole('button', {name: 'Watch again'}).click();
			await expect.poll(() => isPlaying(page)).toBe(true);
			expect(Number(await seek.inputValue())).toBeLessThan(durationInFrames / 2);
		} finally {
			await page.close();
		}
	});

	it('keeps its keyboard shortcuts after a click on a control button (captions, full screen), and leaves Space to the button', async () => {
		const render = await submit(stack, billFor('CUST-KEYS'));
		const page = await browser.newPage({viewport: {width: 1280, height: 800}});
		try {
			await page.goto(render.links.watch);
			const seek = page.getByRole('slider');
			await seekPaused(page, 30);
			const frame = async () => Number(await seek.inputValue());
			const captions = page.locator('.bc-cc');
			await captions.waitFor();
			for (const control of ['.bc-cc', '.bc-fullscreen']) {
				await page.click(control);
				const from = await frame();
				await page.keyboard.press('ArrowRight');
				// Five seconds at 30 fps, from the button the click left focused.
				await expect.poll(frame, {message: control}).toBe(from + 150);
				await page.keyboard.press('ArrowLeft');
				await expect.poll(frame, {message: control}).toBe(from);
			}
			expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
			await page.keyboard.press('f');
			await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
			const captionsWere = await captions.getAttribute('aria-pressed');
			await captions.focus();
			await page.keyboard.press('k');
			await expect.poll(() => isPlaying(page)).toBe(true);
			await page.keyboard.press('k');
			await expect.poll(() => isPlaying(page)).toBe(false);
			// Space presses the focused button, as on any button, and does not also play.
			await page.keyboard.press(' ');
			expect(await captions.getAttribute('aria-pressed')).not.toBe(captionsWere);
			expect(await isPlaying(page)).toBe(false);
		} finally {
			await page.close();
		}
	});
});

describe('the player when things go wrong or get tight', () => {
	it("drops a logo that cannot be loaded, in the page's header and in the live video, keeping the brand's name", async () => {
		// Decodes to nothing, as a tenant's logo host that is down or answers with an error page does.
		const brokenLogo = 'data:image/png;base64,AAAA';
		const bill = billFor('CUST-BROKEN-LOGO', {brand: {...sampleTelcoBill.brand, logoUrl: brokenLogo}});
		const render = await submit(stack, bill);
		// Reduced motion: the player rests on the greeting, where the logo sits beside the brand's name.
		const page = await browser.newPage({viewport: {width: 390, height: 844}, reducedMotion: 'reduce'});
		const problems = collectProblems(page);
		try {
			await page.goto(render.links.watch);
			const player = page.locator('billcast-player');
			await player.getByText(`Hi ${bill.customer.name}`).waitFor();
			await expect.poll(() => page.locator('header img').isHidden()).toBe(true);
			await expect.poll(() => player.locator(`img[src="${brokenLogo}"]`).count()).toBe(0);
			expect(await page.locator('header h1').textContent()).toBe(bill.brand.name);
			expect(await player.getByText(bill.brand.name, {exact: true}).isVisible()).toBe(true);
			expect(problems).toEqual([]);
			await page.screenshot({path: join(shotsDir, 'phone-broken-logo.png')});
		} finally {
			await page.close();
		}
	});

	it('shows a failed embed as a visible message on a dark and on a light host page', async () => {
		const render = await submit(stack, billFor('CUST-EMBED'));
		const html = await (await fetch(render.links.watch)).text();
		const src = /<script nonce="[^"]+" src="([^"]+)"/.exec(html)![1]!;
		for (const background of ['#000000', '#ffffff']) {
			const page = await browser.newPage({viewport: {width: 800, height: 600}});
			try {
				await page.setContent(
					`<!doctype html><html lang="it"><body style="background:${background}"><billcast-player src="${stack.baseUrl}/v1/watch/not-a-token"></billcast-player><script src="${stack.baseUrl}${src}"></script></body></html>`,
				);
				const alert = page.getByRole('alert');
				await alert.waitFor({state: 'visible'});
				expect(await alert.textContent()).toBe(messagesFor('it').player.unavailable);
				const [text, box] = await alert.evaluate((element) => [getComputedStyle(element).color, getComputedStyle(element).backgroundColor]);
				expect(text).toBe('rgb(255, 255, 255)');
				expect(box).toBe('rgb(20, 18, 31)');
				await page.screenshot({path: join(shotsDir, `embed-failed-on-${background.slice(1)}.png`)});
			} finally {
				await page.close();
			}
		}
	});

	it('moves focus from an expiring in-video button to the player, and the sheet\'s details scroll at 400 % zoom', async () => {
		const bill = billFor('CUST-TIGHT');
		const render = await submit(stack, bill);
		const pay = computeRenderInput({template: 'telco-bill', bill, format: 'landscape'}).timeline.hotspots.find((h) => h.kind === 'pay')!;
		const page = await browser.newPage({viewport: {width: 1280, height: 800}, reducedMotion: 'reduce'});
		try {
			await page.goto(render.links.watch);
			await page.getByRole('button', {name: 'Play your bill video'}).waitFor();
			await seekPaused(page, pay.from + pay.durationInFrames - 20);
			// A seek before the first play shows the frame sought to: the intro card no longer covers it and its buttons.
			await page.locator('.bc-intro').waitFor({state: 'detached'});
			await page.locator('[data-hotspot="pay"]').focus();
			await page.evaluate(() => (document.querySelector('billcast-player') as HTMLElement & {play(): Promise<void>}).play());
			await page.locator('[data-hotspot="pay"]').waitFor({state: 'detached'});
			await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('bc-root'))).toBe(true);
		} finally {
			await page.close();
		}
		// 1280×800 at 400 % zoom is a 320×200 CSS pixel viewport.
		const zoomed = await browser.newPage({viewport: {width: 320, height: 200}});
		try {
			await zoomed.goto(render.links.watch);
			await zoomed.locator('.bc-controls').waitFor();
			await seekPaused(zoomed, pay.from + 15);
			await zoomed.locator('[data-hotspot="pay"]').click();
			const close = zoomed.getByRole('dialog').getByRole('button');
			await close.waitFor({state: 'attached'});
			// The details scroll inside the sheet; its close button stays in the box, reachable without scrolling.
			expect(await zoomed.locator('.bc-sheet > dl').evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
			const [closeBox, backdrop] = [(await close.boundingBox())!, (await zoomed.locator('.bc-backdrop').boundingBox())!];
			expect(closeBox.y + closeBox.height).toBeLessThanOrEqual(backdrop.y + backdrop.height + 0.5);
			await close.click();
			await zoomed.getByRole('dialog').waitFor({state: 'detached'});
		} finally {
			await zoomed.close();
		}
	});

	it('fits a 280 px screen (the cover screen of a folding phone) in every language: the breakdown and payments tables scroll nothing sideways', async () => {
		for (const locale of ['en-GB', 'it-IT', 'ko-KR'] as const) {
			const bill = {...telcoFixtures[locale], customer: {...telcoFixtures[locale].customer, id: `CUST-NARROW-${locale}`}, payment: {status: 'due' as const, payUrl: checkout.payUrl}};
			const render = await submit(stack, bill);
			const page = await browser.newPage({viewport: {width: 280, height: 653}});
			try {
				await page.goto(render.links.watch);
				await page.locator('.bc-controls').waitFor();
				expect(await page.locator('.card table').count(), locale).toBeGreaterThan(0);
				const wide = await page.evaluate(() => ({
					page: document.documentElement.scrollWidth,
					cards: [...document.querySelectorAll('.card')].filter((card) => card.scrollWidth > card.clientWidth).map((card) => card.textContent?.slice(0, 30)),
				}));
				expect(wide, locale).toEqual({page: 280, cards: []});
				// Lines break between words, in Korean too (크레딧, not 크레/딧), as in the video.
				expect(await brokenWords(page.locator('.card th, .card td')), locale).toEqual([]);
			} finally {
				await page.close();
			}
		}
	});
});

describe('MP4 mode', () => {
	it('plays the rendered file with the same hotspots and pays from it', async () => {
		const bill = shortDueBill('CUST-MP4');
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
			const captions = page.getByRole('button', {name: 'Captions', exact: true});
			await captions.click();
			expect(await captions.getAttribute('aria-pressed')).toBe('true');
			await page.locator('.bc-caption').getByText('Your bill is ready').waitFor();
			expect(await video.evaluate((element: HTMLVideoElement) => [element.textTracks[0]?.language, element.textTracks[0]?.label])).toEqual(['en-GB', 'Captions']);
			await payThroughTheVideo({page, bill, shot: 'mp4'});
			const events = await waitForEvents(renderStack, render.id, ['hotspot_clicked', 'pay_clicked']);
			expect(Object.keys(events)).toEqual(expect.arrayContaining(['hotspot_shown', 'hotspot_clicked', 'pay_clicked']));

			// Paid after the file was made: its frames still draw the pay button. The watch page plays live then (see the
			// next test); a page that embeds the player in MP4 mode still plays the file, and a "Paid" stamp covers all of it.
			const script = /<script nonce="[^"]+" src="([^"]+)"/.exec(await (await fetch(render.links.watch)).text())![1]!;
			const token = new URL(render.links.watch).pathname.split('/').pop()!;
			const openPayScene = async () => {
				await page.setContent(
					`<!doctype html><html lang="en"><body><billcast-player mode="mp4" src="${renderStack.baseUrl}/v1/watch/${token}"></billcast-player><script src="${renderStack.baseUrl}${script}"></script></body></html>`,
				);
				await page.waitForFunction(() => (document.querySelector('billcast-player video') as HTMLVideoElement | null)?.readyState! >= 2);
				await seekPaused(page, payFrame(bill));
			};
			await openPayScene();
			const button = (await page.locator('[data-hotspot="pay"]').boundingBox())!;
			const paid = await fetch(`${renderStack.baseUrl}/v1/renders/${render.id}/payment`, {
				method: 'POST',
				headers: {'content-type': 'application/json', ...renderStack.auth},
				body: JSON.stringify({amount: 6840, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z', reference: 'PSP-MP4'}),
			});
			expect(paid.status).toBe(201);
			await openPayScene();
			const stamp = page.locator('billcast-player .bc-paid-stamp');
			await stamp.waitFor({state: 'visible'});
			expect(await stamp.textContent()).toBe('Paid');
			expect(await page.locator('[data-hotspot="pay"]').count()).toBe(0);
			const cover = (await stamp.boundingBox())!;
			expect([cover.x <= button.x, cover.y <= button.y, cover.x + cover.width >= button.x + button.width, cover.y + cover.height >= button.y + button.height]).toEqual([true, true, true, true]);
			// The file's cue here was written for the bill as sent ("Your bill is ready", due by …): once paid it is not
			// shown, as the voice is silent there; the band stays, under the picture.
			await page.getByRole('button', {name: 'Captions', exact: true}).click();
			const band = page.locator('billcast-player .bc-band');
			await band.waitFor({state: 'visible'});
			expect(await page.locator('billcast-player .bc-caption').getByText('Your bill is ready').count()).toBe(0);
			const frame = (await page.locator('billcast-player .bc-frame').boundingBox())!;
			expect((await band.boundingBox())!.y).toBeGreaterThanOrEqual(frame.y + frame.height - 0.5);
			await page.screenshot({path: join(shotsDir, 'mp4-paid-stamp.png')});
			expect(problems).toEqual([]);
		} finally {
			await page.close();
		}
	});

	it('once paid, a reminder asked for in MP4 mode plays live, drawn paid, with no file of it as sent: on a phone, and without scripts', async () => {
		const bill = reminderFixtures['it-IT'];
		const render = await post(renderStack, reminderRequest());
		expect((await waitForRender(renderStack, render.id)).status).toBe('completed');
		const watch = `${render.links.watch}?player=mp4`;
		// Unpaid, MP4 mode plays the file and the page offers it.
		expect(await (await fetch(watch)).text()).toContain('mode="mp4"');
		const paid = await fetch(`${renderStack.baseUrl}/v1/renders/${render.id}/payment`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...renderStack.auth},
			body: JSON.stringify({amount: bill.amountOverdue, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z', reference: 'PSP-MP4-IT'}),
		});
		expect(paid.status).toBe(201);
		const overdue = computeRenderInput({template: 'payment-reminder', bill, format: 'portrait'}).timeline.scenes.find((scene) => scene.id === 'overdue')!;
		const context = await browser.newContext({viewport: {width: 390, height: 844}});
		try {
			const page = await context.newPage();
			const problems = collectProblems(page);
			await page.goto(watch);
			await page.locator('billcast-player .bc-root').waitFor();
			await seekPaused(page, overdue.from + overdue.durationInFrames - 5);
			const player = page.locator('billcast-player');
			await player.getByText('Pagamento ricevuto, grazie', {exact: true}).waitFor({state: 'visible'});
			expect(await player.locator('video').count()).toBe(0);
			expect(await player.getByText('Non abbiamo ancora ricevuto il pagamento').count()).toBe(0);
			expect(await player.locator('.bc-paid-short').textContent()).toBe('✓ Pagata');
			expect(await page.locator('a[href$="video.mp4"], a[href$="captions.vtt"]').count()).toBe(0);
			await page.screenshot({path: join(shotsDir, 'paid-reminder-mp4-asked-phone.png')});
			expect(problems).toEqual([]);
		} finally {
			await context.close();
		}
		const noScript = await browser.newContext({viewport: {width: 390, height: 844}, javaScriptEnabled: false});
		try {
			const page = await noScript.newPage();
			for (const address of [watch, render.links.watch]) {
				await page.goto(address);
				expect(await page.locator('video').count()).toBe(0);
				expect(await page.locator('.player p.no-script').textContent()).toBe(messagesFor('it-IT').player.noScript);
				expect(await page.locator('main').textContent()).not.toContain('Non abbiamo ancora ricevuto');
			}
			await page.screenshot({path: join(shotsDir, 'paid-reminder-no-script.png')});
		} finally {
			await noScript.close();
		}
	});

	it("without JavaScript plays the MP4 in the browser's own player, or says the page holds everything", async () => {
		const rendered = await submit(renderStack, unpaidBill(), 0.25);
		expect((await waitForRender(renderStack, rendered.id)).status).toBe('completed');
		const queued = await submit(stack, billFor('CUST-NOSCRIPT-QUEUED'));
		const context = await browser.newContext({viewport: {width: 390, height: 844}, javaScriptEnabled: false});
		try {
			const page = await context.newPage();
			await page.goto(rendered.links.watch);
			expect(await page.locator('billcast-player').isVisible()).toBe(false);
			const video = page.locator('video.no-script');
			await video.waitFor({state: 'visible'});
			const {src, poster, track, controls} = await video.evaluate((element: HTMLVideoElement) => ({
				src: element.currentSrc || element.src,
				poster: element.poster,
				track: element.querySelector('track')?.getAttribute('src'),
				controls: element.controls,
			}));
			expect(controls).toBe(true);
			for (const address of [src, poster, new URL(track!, src).href]) expect((await fetch(address)).status).toBe(200);
			expect((await video.boundingBox())!.width).toBe(390);
			await page.screenshot({path: join(shotsDir, 'no-script-mp4.png')});

			await page.goto(queued.links.watch);
			expect(await page.locator('video').count()).toBe(0);
			// Playwright's text search skips <noscript>, whose content only a browser without scripts shows.
			const note = page.locator('.player p.no-script');
			expect(await note.isVisible()).toBe(true);
			expect(await note.textContent()).toBe('The video plays with JavaScript turned on. Everything it says is on this page.');
			expect(await page.locator('a[data-billcast-pay]').isVisible()).toBe(true);
			await page.screenshot({path: join(shotsDir, 'no-script-note.png')});
		} finally {
			await context.close();
		}
	});

	it('plays the rendered format nearest the screen: portrait on an upright phone, landscape on a desktop', async () => {
		const bill = unpaidBill();
		const landscape = await submit(renderStack, bill, 0.25);
		const portrait = await submit(renderStack, bill, 0.25, 'portrait');
		for (const render of [landscape, portrait]) expect((await waitForRender(renderStack, render.id)).status).toBe('completed');
		for (const {viewport, phone} of [
			{viewport: {width: 390, height: 844}, phone: true},
			{viewport: {width: 1280, height: 800}, phone: false},
		]) {
			const page = await browser.newPage({viewport, isMobile: phone, hasTouch: phone});
			try {
				await page.goto(`${landscape.links.watch}?player=mp4`);
				await page.waitForFunction(() => (document.querySelector('billcast-player video') as HTMLVideoElement | null)?.readyState! >= 1);
				const [source, width, height] = await page
					.locator('billcast-player video')
					.evaluate((video: HTMLVideoElement) => [video.currentSrc, video.videoWidth, video.videoHeight] as const);
				expect({source: source.includes('/formats/portrait/video.mp4'), tall: height > width}).toEqual({source: phone, tall: phone});
			} finally {
				await page.close();
			}
		}
	});
});

describe('fullscreen and languages, on rendered videos', () => {
	const rendered = async (bill: TelcoBill) => {
		const render = await submit(renderStack, bill, 0.25);
		expect((await waitForRender(renderStack, render.id)).status).toBe('completed');
		return render;
	};

	it('takes the whole player fullscreen: the in-video pay button opens the sheet, captions show (live and MP4)', async () => {
		const bill = unpaidBill();
		const render = await rendered(bill);
		for (const mode of ['live', 'mp4'] as const) {
			const page = await browser.newPage({viewport: {width: 1280, height: 800}});
			const problems = collectProblems(page);
			try {
				await page.goto(mode === 'mp4' ? `${render.links.watch}?player=mp4` : render.links.watch);
				await page.getByRole('button', {name: 'Full screen'}).click();
				await page.waitForFunction(() => document.fullscreenElement?.classList.contains('bc-root') === true);
				await page.getByRole('button', {name: 'Captions', exact: true}).click();
				await seekPaused(page, payFrame(bill));
				const caption = page.locator('.bc-caption');
				await caption.waitFor({state: 'visible'});
				expect(await caption.evaluate((element) => document.fullscreenElement!.contains(element))).toBe(true);
				const hotspot = page.locator('[data-hotspot="pay"]');
				const box = (await hotspot.boundingBox())!;
				// Scaled with the fullscreen picture, not left at the page's size.
				expect(box.width).toBeGreaterThan(200);
				const captionBox = (await caption.boundingBox())!;
				expect(captionBox.y + captionBox.height <= box.y || captionBox.y >= box.y + box.height).toBe(true);
				await page.screenshot({path: join(shotsDir, `desktop-fullscreen-${mode}.png`)});
				await hotspot.click();
				const sheet = page.getByRole('dialog');
				await sheet.waitFor({state: 'visible'});
				expect(await sheet.evaluate((element) => document.fullscreenElement!.contains(element))).toBe(true);
				await page.screenshot({path: join(shotsDir, `desktop-fullscreen-${mode}-sheet.png`)});
				expect(problems).toEqual([]);
			} finally {
				await page.close();
			}
		}
	});

	it('sizes captions from the picture: a square video fullscreen on a phone held sideways shows a cue as its two lines, under the pay button', async () => {
		const bill = squareCaptionsBill();
		const render = await submit(renderStack, bill, 0.25, 'square');
		expect((await waitForRender(renderStack, render.id)).status).toBe('completed');
		// The Korean reminder's second cue, two script lines sharing one cue.
		const lines = ['아직 납부가 확인되지 않았습니다', '납부 기한은 2026년 10월 25일이었습니다'];
		writeFileSync(join(renderStack.rendersDir, render.id, 'captions.vtt'), `WEBVTT\n\n00:00.000 --> 00:30.000\n${lines.join('\n')}\n`);
		const page = await browser.newPage({viewport: {width: 844, height: 390}, isMobile: true, hasTouch: true});
		const problems = collectProblems(page);
		try {
			await page.goto(`${render.links.watch}?player=mp4`);
			await page.getByRole('button', {name: 'Full screen'}).click();
			await page.waitForFunction(() => document.fullscreenElement?.classList.contains('bc-root') === true);
			await page.getByRole('button', {name: 'Captions', exact: true}).click();
			await seekPaused(page, 30);
			const caption = page.locator('.bc-caption span');
			await caption.waitFor({state: 'visible'});
			const frame = (await page.locator('billcast-player .bc-frame').boundingBox())!;
			// 390 less the control bar (48) and the caption band (two lines at the 16 px floor, 56): the band is under the
			// picture, not over it.
			expect(Math.round(frame.width)).toBe(286);
			// The row each line is drawn on: one row per line, and a row of its own (the window's width set the size before,
			// and the cue ran on as three rows over the middle of the picture).
			const rows = await caption.evaluate((span, cueLines) => {
				const text = span.firstChild!;
				let start = 0;
				return cueLines.map((line) => {
					const range = document.createRange();
					range.setStart(text, start);
					range.setEnd(text, start + line.length);
					start += line.length + 1;
					return [...new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))];
				});
			}, lines);
			expect(rows.map((tops) => tops.length)).toEqual([1, 1]);
			expect(rows[1]![0]!).toBeGreaterThan(rows[0]![0]!);
			const box = (await page.locator('.bc-caption').boundingBox())!;
			expect(box.height).toBeLessThan(frame.height / 4);
			await page.screenshot({path: join(shotsDir, 'phone-sideways-fullscreen-square-captions.png')});
			// Where the cue fits between the pay button and the frame's edge it stays there: sent to the top, it would lie
			// over the scene's heading ("Due by …").
			const pay = computeRenderInput({template: 'telco-bill', bill, format: 'square'}).timeline.hotspots.find((h) => h.kind === 'pay')!;
			await seekPaused(page, pay.from + 15);
			const button = (await page.locator('[data-hotspot="pay"]').boundingBox())!;
			const under = (await page.locator('.bc-caption').boundingBox())!;
			expect(under.y).toBeGreaterThanOrEqual(button.y + button.height);
			expect(under.y).toBeGreaterThanOrEqual(frame.y + frame.height);
			await page.screenshot({path: join(shotsDir, 'phone-sideways-fullscreen-square-captions-pay.png')});
			expect(problems).toEqual([]);
		} finally {
			await page.close();
		}
	});

	it('shows no English on Italian and Korean pages (live and MP4, sheet open)', async () => {
		for (const locale of ['it-IT', 'ko-KR'] as const) {
			const bill = localeBill(locale);
			const render = await rendered(bill);
			const english = englishPatterns(locale);
			const lookAt = async (mode: 'live' | 'mp4', viewport: {width: number; height: number}) => {
				const page = await browser.newPage({viewport});
				const problems = collectProblems(page);
				try {
					await page.goto(mode === 'mp4' ? `${render.links.watch}?player=mp4` : render.links.watch);
					await page.locator('.bc-controls').waitFor();
					await page.locator('.bc-cc').click();
					// Portrait on an upright phone has its own timeline: find the pay scene in the one the player chose.
					const format = viewport.width < 600 && mode === 'live' ? 'portrait' : 'landscape';
					const pay = computeRenderInput({template: 'telco-bill', bill, format}).timeline.hotspots.find((h) => h.kind === 'pay')!;
					await seekPaused(page, pay.from + 15);
					await page.locator('[data-hotspot="pay"]').click();
					await page.getByRole('dialog').waitFor({state: 'visible'});
					const found = (await textsAndNames(page)).filter((text) => english.some((pattern) => pattern.test(text)));
					expect(found, `${locale} ${mode} ${viewport.width}`).toEqual([]);
					if (mode === 'mp4') {
						expect(await page.locator('track').evaluateAll((tracks: HTMLTrackElement[]) => tracks.map((track) => [track.kind, track.srclang, track.label]))).toEqual([
							['captions', locale, messagesFor(locale).player.captions],
							['chapters', locale, messagesFor(locale).player.chapters],
						]);
					}
					await page.screenshot({path: join(shotsDir, `${viewport.width < 600 ? 'phone' : 'desktop'}-${locale}-${mode}-sheet.png`)});
					expect(problems).toEqual([]);
				} finally {
					await page.close();
				}
			};
			// Four pages apart from one another, open at once: each waits on its player most of the time.
			await Promise.all(
				(['live', 'mp4'] as const).flatMap((mode) =>
					[
						{width: 1280, height: 800},
						{width: 390, height: 844},
					].map((viewport) => lookAt(mode, viewport)),
				),
			);
		}
	});
});
