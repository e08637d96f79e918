import {randomBytes} from 'node:crypto';
import {mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {sampleTelcoBill} from '../../src/sample-telco-bill';
import {hashApiKey} from '../../server/tenants/tenant-registry';
import {launchChromium} from '../helpers/browser';
import {paymentOf, PHONE_UA, sendCampaign, sendViewerEvent, watchUntil} from '../helpers/campaign';
import {startTestStack, type TestStack} from '../helpers/test-stack';

const shotsDir = process.env.BILLCAST_SHOTS_DIR ?? join(tmpdir(), 'billcast-shots');
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
				// No-break spaces ("25 %") read as plain ones.
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
	it('shows a watched, partly paid campaign with the numbers of the events sent, at desktop and phone width', async () => {
		const target = stack;
		const {id, bills} = await sendCampaign(target, submitAuth, 'DASH', 8, '?variants=soft,firm&seed=dash');
		const [payer, finisher, leaverA, leaverB, glancer, quietPayer] = bills;
		await watchUntil(target, payer!.token, 'end', PHONE_UA);
		await sendViewerEvent(target, payer!.token, {type: 'hotspot_clicked', hotspot: 'pay', scene: 'due'}, PHONE_UA);
		await sendViewerEvent(target, payer!.token, {type: 'pay_clicked', hotspot: 'pay', scene: 'due'}, PHONE_UA);
		await watchUntil(target, finisher!.token, 'end');
		await watchUntil(target, leaverA!.token, 'breakdown', PHONE_UA);
		await watchUntil(target, leaverB!.token, 'breakdown');
		await watchUntil(target, glancer!.token, 'start');
		const paid = await fetch(`${stack.baseUrl}/v1/batches/${id}/payments`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...submitAuth},
			body: JSON.stringify([paymentOf(payer!.billNumber, 6840), paymentOf(quietPayer!.billNumber, 2500)]),
		});
		expect(paid.status).toBe(200);

		const page = await browser.newPage({viewport: {width: 1280, height: 900}});
		try {
			const violations = await signIn(page, readKey);
			const [cookie] = await page.context().cookies();
			expect(cookie).toMatchObject({httpOnly: true, sameSite: 'Strict', path: '/dashboard'});
			await page.click(`a[href^="/dashboard/campaigns/${id}"]`);
			await page.waitForSelector('[data-table=funnel]');

			const funnel = await tableOf(page, '[data-table=funnel]');
			const counts = Object.fromEntries(Object.entries(funnel).map(([step, cells]) => [step, Number(cells[0])]));
			expect(counts).toEqual({
				Sent: 8,
				'Links exported': 8,
				Opened: 5,
				'Watched 25 %': 4,
				'Watched 50 %': 2,
				'Watched 75 %': 2,
				'Watched to the end': 2,
				'Pressed pay': 1,
				Paid: 2,
			});
			expect(funnel.Opened![1]).toBe('62.5%');
			expect(funnel.Paid!.slice(1)).toEqual(['–', '25%']);
			const dropOff = await tableOf(page, '[data-table=drop-off]');
			expect(Object.fromEntries(Object.entries(dropOff).map(([scene, cells]) => [scene, Number(cells[0])]))).toEqual({Welcome: 1, 'Where it goes': 2, Payment: 1, 'Thank you': 1});
			expect(await page.textContent('[data-verdict]')).toContain('Not yet significant');
			expect(await page.$$eval('svg.chart', (charts) => charts.length)).toBeGreaterThanOrEqual(4);
			const text = (await page.textContent('body'))!;
			expect(text).not.toContain(sampleTelcoBill.customer.name);
			expect(text).toContain('€93.40');

			// The page's own CSP forbids fetch from it, so the export is fetched with the browser context's cookies.
			const exportHref = await page.getAttribute('a[href$="analytics.csv"]', 'href');
			const csv = await (await page.context().request.get(`${stack.baseUrl}${exportHref}`)).text();
			expect(csv.split('\n')[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d,${id},8,8,5,4,2,2,2,1,2,9340$`));

			await page.screenshot({path: join(shotsDir, 'dashboard-desktop.png'), fullPage: true});
			await page.setViewportSize({width: 390, height: 844});
			await page.screenshot({path: join(shotsDir, 'dashboard-phone.png'), fullPage: true});
			await page.locator('#variants').scrollIntoViewIfNeeded();
			await page.screenshot({path: join(shotsDir, 'dashboard-phone-variants.png')});
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

			await page.goto(`${stack.baseUrl}/dashboard/campaigns/${id}?lang=ko`);
			expect(await page.textContent('h2#funnel')).toBe('퍼널');
			await page.screenshot({path: join(shotsDir, 'dashboard-phone-ko.png'), fullPage: true});
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
