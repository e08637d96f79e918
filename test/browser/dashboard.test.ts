import {randomBytes} from 'node:crypto';
import {mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {sceneNames} from '../../src/templates/chapters';
import type {MessageVariant} from '../../src/message-variants';
import {computeRenderInput} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {telcoSceneIds} from '../../src/templates/telco-bill/telco-scenes';
import {hashApiKey} from '../../server/tenants/tenant-registry';
import {launchChromium} from '../helpers/browser';
import {paymentOf, sendCampaign, watchInBrowser, type Viewing} from '../helpers/campaign';
import {startTestStack, type TestStack} from '../helpers/test-stack';

const shotsDir = process.env.BILLCAST_SHOTS_DIR ?? join(tmpdir(), 'analytics-shots');
mkdirSync(shotsDir, {recursive: true});

const readKey = `read-${randomBytes(8).toString('hex')}`;
const submitKey = `submit-${randomBytes(8).toString('hex')}`;
const readAuth = {authorization: `Bearer ${readKey}`};
const submitAuth = {authorization: `Bearer ${submitKey}`};

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
	stack = await startTestStack({
		redisUrl: inject('redisUrl'),
		serveUrl: inject('serveUrl'),
		withWorker: false,
		tenant: {
			roleKeys: [
				{sha256: hashApiKey(readKey), role: 'read'},
				{sha256: hashApiKey(submitKey), role: 'submit'},
			],
		},
	});
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await stack?.close();
});

/** Opens the dashboard and signs in with `key`; collects every CSP violation the page reports. */
const signIn = async (page: Page, key: string, lang = 'en') => {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	await page.goto(`${stack.baseUrl}/dashboard?lang=${lang}`);
	await page.fill('#key', key);
	await Promise.all([page.waitForURL(/\/dashboard/), page.click('button[type=submit]')]);
	return violations;
};

/** A table's rows as `{first cell: [the other cells]}`, read from the page as a person would. */
const tableOf = (page: Page, selector: string) =>
	page.$$eval(`${selector} tbody tr`, (rows) =>
		Object.fromEntries(
			rows.map((row) => {
				// No-break spaces ("3,00 €") read as plain ones.
				const text = (cell: Element) => cell.textContent!.replace(/\s+/g, ' ').trim();
				return [text(row.querySelector('th')!), [...row.querySelectorAll('td')].map(text)];
			}),
		),
	);

describe('key roles', () => {
	it('let a read key read but not submit, and a submit key submit but not open the dashboard', async () => {
		const bill = {template: 'telco-bill', scale: 0.25, bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: 'ROLE-1'}}};
		const asRead = await fetch(`${stack.baseUrl}/v1/renders`, {method: 'POST', headers: {'content-type': 'application/json', ...readAuth}, body: JSON.stringify(bill)});
		expect(asRead.status).toBe(403);
		expect(asRead.headers.get('content-type')).toContain('application/problem+json');
		expect(await asRead.json()).toMatchObject({code: 'forbidden'});
		const asSubmit = await fetch(`${stack.baseUrl}/v1/renders`, {method: 'POST', headers: {'content-type': 'application/json', ...submitAuth}, body: JSON.stringify(bill)});
		expect(asSubmit.status).toBe(202);
		const {id} = (await asSubmit.json()) as {id: string};
		expect((await fetch(`${stack.baseUrl}/v1/renders/${id}`, {headers: readAuth})).status).toBe(200);

		const page = await browser.newPage();
		try {
			await signIn(page, submitKey);
			await expect.poll(() => page.textContent('[role=alert]')).toContain('can only submit bills');
			expect(await page.context().cookies()).toEqual([]);
			await page.goto(`${stack.baseUrl}/dashboard`);
			expect(await page.$('#key')).not.toBeNull();
		} finally {
			await page.close();
		}
	});
});

describe('the dashboard', () => {
	it('shows a campaign watched by scripted viewers, partly paid, with the numbers of the events they sent, at desktop and phone width', async () => {
		const target = stack;
		// No usage scene: a 28 s video, so watching to the end in real time stays short.
		const base = {...sampleTelcoBill, usage: undefined};
		const {id, bills} = await sendCampaign(target, submitAuth, 'DASH', 8, '?variants=soft,firm&seed=dash', base);
		const plan: Array<{viewing: Viewing; device: 'phone' | 'desktop'} | undefined> = [
			{viewing: 'pay', device: 'phone'},
			{viewing: 'end', device: 'desktop'},
			{viewing: 'end', device: 'phone'},
			{viewing: 'breakdown', device: 'phone'},
			{viewing: 'breakdown', device: 'desktop'},
			// Glances at the greeting, then presses the watch page's own Pay button.
			{viewing: 'page-pay', device: 'desktop'},
			// Pays by bank transfer without watching, and one never opens the link.
			undefined,
			undefined,
		];
		const sent = await Promise.all(
			plan.map((viewer, index) => {
				const bill = bills[index]!;
				if (!viewer) return Promise.resolve([]);
				// The variant's wording changes the due scene's length, so each bill finds its own pay button.
				const pay = computeRenderInput({template: 'telco-bill', bill: {...base, messageVariant: bill.variant as MessageVariant}, format: 'landscape'}).timeline.hotspots.find((h) => h.kind === 'pay')!;
				return watchInBrowser({browser, url: `${stack.baseUrl}/w/${bill.token}`, viewing: viewer.viewing, device: viewer.device, payFrame: pay.from + 15, shot: join(shotsDir, `viewer-pay-${bill.variant}.png`)});
			}),
		);
		const paid = await fetch(`${stack.baseUrl}/v1/batches/${id}/payments`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...submitAuth},
			body: JSON.stringify([paymentOf(bills[0]!.billNumber, 6840), paymentOf(bills[6]!.billNumber, 7000)]),
		});
		expect(paid.status).toBe(200);

		// What the viewers' pages sent, read off the wire: each render counts once per step it reached.
		const reached = (type: string) => sent.filter((events) => events.some((event) => event.type === type)).length;
		const expected = {
			Sent: 8,
			// The live player needs no MP4 and no worker runs here: none produced.
			'Renders produced': 0,
			'Links exported': 8,
			Opened: reached('view_started'),
			'Watched 25%': reached('progress_25'),
			'Watched 50%': reached('progress_50'),
			'Watched 75%': reached('progress_75'),
			'Watched to the end': reached('completed'),
			'Pressed pay': reached('pay_clicked'),
			Paid: 2,
		};
		// The script did what it says: six opened, two to the end, two left at the breakdown, two pressed pay.
		expect(expected).toMatchObject({Opened: 6, 'Watched to the end': 2, 'Pressed pay': 2});
		expect(sent.filter((events) => events.at(-1)?.scene === 'breakdown').length).toBe(2);
		const chapters: Readonly<Record<string, string>> = sceneNames('en-GB');
		// Each render counts at the furthest scene its events came from (the page's own Pay button sends none).
		const stops: Record<string, number> = {};
		for (const events of sent) {
			const scene = telcoSceneIds.findLast((id) => events.some((event) => event.scene === id));
			if (scene) stops[chapters[scene]!] = (stops[chapters[scene]!] ?? 0) + 1;
		}
		// Counted as they arrived; a beacon may land a moment after its page closed.
		await expect
			.poll(async () => ((await (await fetch(`${stack.baseUrl}/v1/batches/${id}/analytics`, {headers: readAuth})).json()) as {counts: {opened: number; completed: number}}).counts)
			.toMatchObject({opened: expected.Opened, completed: expected['Watched to the end']});

		const page = await browser.newPage({viewport: {width: 1280, height: 800}});
		try {
			const violations = await signIn(page, readKey);
			const [cookie] = await page.context().cookies();
			expect(cookie).toMatchObject({httpOnly: true, sameSite: 'Strict', path: '/dashboard'});
			await page.click(`a[href^="/dashboard/campaigns/${id}"]`);
			await page.waitForSelector('[data-table=funnel]');

			const funnel = await tableOf(page, '[data-table=funnel]');
			const counts = Object.fromEntries(Object.entries(funnel).map(([step, cells]) => [step, Number(cells[0])]));
			expect(counts).toEqual(expected);
			expect(funnel.Opened![1]).toBe('75%');
			expect(funnel.Paid!.slice(1)).toEqual(['–', '25%']);
			// Pressed pay is no share of those who watched to the end: one pressed the page's button at the greeting.
			expect(funnel['Pressed pay']!.slice(1)).toEqual(['–', '25%']);
			expect(await tableOf(page, '[data-table=clicks]')).toEqual({'Pay (in the video)': ['1'], 'Pay (on the page)': ['1']});
			const dropOff = await tableOf(page, '[data-table=drop-off]');
			expect(Object.fromEntries(Object.entries(dropOff).map(([scene, cells]) => [scene, Number(cells[0])]))).toEqual(stops);
			expect(await page.textContent('[data-verdict]')).toContain('Not yet significant');
			expect(await page.$$eval('img.chart', (charts) => charts.filter((chart) => (chart as HTMLImageElement).naturalWidth > 0).length)).toBeGreaterThanOrEqual(4);
			const text = (await page.textContent('body'))!;
			expect(text).not.toContain(sampleTelcoBill.customer.name);
			expect(text).toContain('€138.40');

			// The page's own CSP forbids fetch from it, so the export is fetched with the browser context's cookies.
			const exportHref = await page.getAttribute('a[href$="analytics.csv"]', 'href');
			const csv = await (await page.context().request.get(`${stack.baseUrl}${exportHref}`)).text();
			expect(csv.split('\n')[1]).toBe(`${csv.split('\n')[1]!.slice(0, 10)},${id},${Object.values(expected).join(',')},13840`);

			await page.screenshot({path: join(shotsDir, 'dashboard-desktop.png'), fullPage: true});
			await page.setViewportSize({width: 390, height: 844});
			await page.screenshot({path: join(shotsDir, 'dashboard-phone.png'), fullPage: true});
			await page.locator('#variants').scrollIntoViewIfNeeded();
			await page.screenshot({path: join(shotsDir, 'dashboard-phone-variants.png')});
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
			// No card scrolls sideways either: wide tables stack their rows on a phone.
			expect(await page.$$eval('.card', (cards) => cards.filter((card) => card.scrollWidth > card.clientWidth).map((card) => card.id || card.getAttribute('aria-labelledby')))).toEqual([]);

			for (const [lang, funnelTitle] of [
				['it', 'Imbuto'],
				['ko', '퍼널'],
			] as const) {
				for (const [width, height, device] of [
					[390, 844, 'phone'],
					[1280, 800, 'desktop'],
				] as const) {
					await page.setViewportSize({width, height});
					await page.goto(`${stack.baseUrl}/dashboard/campaigns/${id}?lang=${lang}`);
					expect(await page.textContent('h2#funnel')).toBe(funnelTitle);
					await page.screenshot({path: join(shotsDir, `dashboard-${device}-${lang}.png`), fullPage: true});
					expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
					expect(await page.$$eval('.card', (cards) => cards.filter((card) => card.scrollWidth > card.clientWidth).map((card) => card.getAttribute('aria-labelledby'))), `${lang} ${device}`).toEqual([]);
				}
			}
			for (const [width, height, device] of [
				[390, 844, 'phone'],
				[1280, 800, 'desktop'],
			] as const) {
				await page.setViewportSize({width, height});
				await page.goto(`${stack.baseUrl}/dashboard`);
				await page.screenshot({path: join(shotsDir, `dashboard-${device}-campaigns.png`), fullPage: true});
				expect(await page.$$eval('.card', (cards) => cards.filter((card) => card.scrollWidth > card.clientWidth).length)).toBe(0);
			}
			expect(violations).toEqual([]);
		} finally {
			await page.close();
		}

		// Without a session the campaign page sends the visitor to sign in; another tenant's session finds no such campaign.
		const anonymous = await fetch(`${stack.baseUrl}/dashboard/campaigns/${id}`, {redirect: 'manual'});
		expect(anonymous.status).toBe(303);
		const otherKey = stack.otherAuth.authorization.slice('Bearer '.length);
		const session = await fetch(`${stack.baseUrl}/dashboard/session`, {
			method: 'POST',
			redirect: 'manual',
			headers: {'content-type': 'application/x-www-form-urlencoded'},
			body: new URLSearchParams({key: otherKey}),
		});
		expect(session.status).toBe(303);
		const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
		const foreign = await fetch(`${stack.baseUrl}/dashboard/campaigns/${id}`, {headers: {cookie}});
		expect(foreign.status).toBe(404);
		expect(await foreign.text()).toContain('No such campaign.');
		expect((await fetch(`${stack.baseUrl}/dashboard/campaigns/${id}/analytics.csv`, {headers: {cookie}})).status).toBe(404);
	});
});
