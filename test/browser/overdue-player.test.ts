import {join} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {captionCues} from '../../src/captions';
import {asSeenOn} from '../../src/due-state';
import {formatDate} from '../../src/dates';
import {fill, messagesFor} from '../../src/i18n/catalogue';
import {liveFormatFor} from '../../src/player-layout';
import {computeRenderInput, scriptFor} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import type {TemplateBill} from '../../src/templates/registry';
import {launchChromium} from '../helpers/browser';
import {shotsDir, submitTelcoBill} from '../helpers/browser-stack';
import {seekPaused} from '../helpers/seek-paused';
import {startTestStack, type TestStack} from '../helpers/test-stack';

/**
 * Render 6 of the marketing audit: a bill sent as due by 21 November 2026, opened on 3 December. The watch page's
 * badge counted "12 days overdue" while the video's due scene said "Due by 21 November 2026 … Paying on time keeps
 * your account in good standing". The live player now draws the bill as it stands on the viewing day the server sends
 * in the watch data, the day the badge counts from: the stack's clock is pinned, so the day is the test's, not the
 * machine's.
 */
let clock = Date.parse('2026-11-20T12:00:00Z');
let stack: TestStack;
let browser: Browser;
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false, now: () => clock});
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await stack?.close();
});

const PHONE = {width: 390, height: 844};
const format = liveFormatFor(true);

const billIn = (locale: 'en-GB' | 'it-IT', messageVariant: 'firm' | 'soft'): TemplateBill & {template: 'telco-bill'} => ({
	template: 'telco-bill',
	bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, locale, id: `OVERDUE-${locale}-${messageVariant}`}, messageVariant},
});

/** The cue of the due scene that holds `text`, and a frame in its middle, on the timeline the phone plays. */
const cueWith = (input: TemplateBill, text: string) => {
	const {timeline} = computeRenderInput({...input, format});
	const cue = captionCues({timeline, script: scriptFor(input)}).find((candidate) => candidate.text.includes(text));
	if (!cue) throw new Error(`no cue says ${text}`);
	return {text: cue.text, frame: Math.floor((cue.from + cue.to) / 2)};
};

/** The due scene's picture and caption band at the cue that says `text`, in a screenshot named `shot` too. */
const shownAt = async (page: Page, input: TemplateBill, text: string, shot: string) => {
	const cue = cueWith(input, text);
	await seekPaused(page, cue.frame);
	const caption = page.locator('billcast-player .bc-caption');
	try {
		await expect.poll(() => caption.textContent()).toBe(cue.text);
	} finally {
		await page.screenshot({path: join(shotsDir, `overdue-player-${shot}.png`)});
	}
	// Runs of white space as one, except the no-break spaces that hold a date together.
	return {stage: (await page.locator('billcast-player .bc-stage').innerText()).replace(/[^\S\u00a0]+/g, ' '), caption: await caption.textContent()};
};

describe('a bill sent as due, watched live after its due date', () => {
	it.each([
		['en-GB', 'firm'],
		['en-GB', 'soft'],
		['it-IT', 'firm'],
		['it-IT', 'soft'],
	] as const)('says the date has passed in the scene and the caption band, with the overdue nudge (%s, %s)', async (locale, variant) => {
		const messages = messagesFor(locale);
		const sent = billIn(locale, variant);
		const render = await submitTelcoBill(stack, sent.bill);
		const date = formatDate('2026-11-21', locale);
		const dueBy = fill(messages.dueTitle, {date});
		const passed = fill(messages.dueDatePassed, {date});
		const {dueNudge, overdueNudge} = messages.variants[variant];
		const page = await browser.newPage({viewport: PHONE, reducedMotion: 'reduce'});
		try {
			// The day before the due date: the bill as sent.
			clock = Date.parse('2026-11-20T12:00:00Z');
			await page.goto(render.links.watch);
			await page.locator('billcast-player .bc-root').waitFor();
			await page.locator('billcast-player .bc-cc').click();
			const before = await shownAt(page, sent, dueNudge, `${locale}-${variant}-on-time`);
			expect(before.stage).toContain(dueBy);
			expect(before.caption).toContain(dueNudge);
			expect(await page.locator('.due').innerText()).toBe(`${dueBy} · ${messages.statusDue}`);

			// Twelve days after it: the scene, its captions and the page all say the date has passed.
			clock = Date.parse('2026-12-03T12:00:00Z');
			await page.reload();
			await page.locator('billcast-player .bc-root').waitFor();
			await page.locator('billcast-player .bc-cc').click();
			const seen = asSeenOn(sent, '2026-12-03');
			const title = await shownAt(page, seen, passed, `${locale}-${variant}-late-title`);
			expect(title.stage).toContain(passed);
			expect(title.stage).not.toContain(dueBy);
			const nudge = await shownAt(page, seen, overdueNudge, `${locale}-${variant}-late`);
			expect(nudge.stage).toContain(overdueNudge);
			expect(nudge.stage).not.toContain(dueNudge);
			expect(nudge.caption).not.toContain(dueNudge);
			expect(await page.locator('.due').innerText()).toBe(`${passed} · ${fill(messages.daysLate.other, {days: '12'})}`);
			await page.screenshot({path: join(shotsDir, `overdue-player-${locale}-${variant}-late-page.png`), fullPage: true});
		} finally {
			await page.close();
		}
	});
});

describe("a bill sent as due, its pay sheet opened after its due date", () => {
	it.each(['en-GB', 'it-IT', 'ko-KR'] as const)('says the date has passed, as the page does (%s)', async (locale) => {
		const messages = messagesFor(locale);
		const sent: TemplateBill & {template: 'telco-bill'} = {
			template: 'telco-bill',
			bill: {...telcoFixtures[locale], dueDate: '2026-11-21', payment: sampleTelcoBill.payment, customer: {...telcoFixtures[locale].customer, id: `OVERDUE-SHEET-${locale}`}},
		};
		clock = Date.parse('2026-12-03T12:00:00Z');
		const render = await submitTelcoBill(stack, sent.bill);
		const date = formatDate('2026-11-21', locale);
		const passed = fill(messages.dueDatePassed, {date});
		const page = await browser.newPage({viewport: PHONE, reducedMotion: 'reduce'});
		try {
			await page.goto(render.links.watch);
			await page.locator('billcast-player .bc-root').waitFor();
			expect(await page.locator('.due').innerText()).toContain(passed);
			const pay = computeRenderInput({...asSeenOn(sent, '2026-12-03'), format}).timeline.hotspots.find((hotspot) => hotspot.kind === 'pay')!;
			await seekPaused(page, pay.from + 5);
			await page.locator('[data-hotspot="pay"]').click();
			const sheet = page.getByRole('dialog');
			await sheet.waitFor({state: 'visible'});
			await page.screenshot({path: join(shotsDir, `overdue-pay-sheet-${locale}.png`)});
			const dueDate = sheet.locator('dt', {hasText: messages.player.dueDate}).locator('xpath=following-sibling::dd[1]');
			expect(await dueDate.textContent()).toBe(passed);
		} finally {
			await page.close();
		}
	});
});
