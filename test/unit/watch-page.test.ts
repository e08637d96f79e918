import {describe, expect, it} from 'vitest';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {computeRenderInput} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {AA_TEXT, contrastRatio, NON_TEXT} from '../../src/color';
import {watchPage, watchPageCsp} from '../../server/watch/watch-page';

/** The sample bill's page, with the customer's name and the brand changed. */
const pageOf = (name: string, brand: Partial<TelcoBill['brand']> = {}) =>
	watchPage({
		props: {template: 'telco-bill', format: 'landscape', bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, name}, brand: {...sampleTelcoBill.brand, ...brand}}},
		token: 'tok',
		nonce: 'n0nce',
		scriptSrc: '/player/billcast-player.0123456789abcdef.js',
		downloads: {},
		playerMode: 'live',
		today: '2026-11-10',
	});

describe('watch page', () => {
	const page = (name: string, brand = sampleTelcoBill.brand.name) => pageOf(name, {name: brand});

	it('escapes every piece of bill text', () => {
		const html = page('<script>alert(1)</script>', '"><img src=x onerror=alert(2)>');
		expect(html).not.toContain('<script>alert(1)');
		expect(html).not.toContain('<img src=x');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html.match(/<script/g)).toHaveLength(1);
		expect(html).toContain('<script nonce="n0nce" src="/player/billcast-player.0123456789abcdef.js">');
	});

	it('lists the breakdown as a table and offers a pay link with reference and amount', () => {
		const html = page('Giulia Rossi');
		expect(html).toContain('<caption>Where it goes</caption>');
		expect(html).toContain('Roaming in France');
		expect(html).toContain('href="https://pay.aurora-mobile.example/checkout?reference=INV-2026-11-0042&amp;amount=68.40&amp;currency=EUR"');
	});

	it('shows the payments received as a table, in the bill\'s language', () => {
		const html = page('Giulia Rossi');
		expect(html).toContain('<caption>Your recent payments</caption>');
		expect(html).toContain('<tr><td>20\u00a0Oct\u00a02026</td><td>Card ending 4242</td><td class="num">€52.00</td></tr>');
		expect(html).toContain('<th scope="col">Paid with</th>');

		const korean = watchPage({
			props: {template: 'telco-bill', format: 'landscape', bill: {...telcoFixtures['ko-KR'], paymentHistory: [{date: '2026-10-25', amount: 52000}]}},
			token: 'tok',
			nonce: 'n0nce',
			scriptSrc: '/p.js',
			downloads: {video: '/v.mp4', captions: '/c.vtt'},
			playerMode: 'live',
			today: '2026-11-10',
		});
		expect(korean).toContain('<caption>최근 납부 내역</caption>');
		expect(korean).toMatch(/<tr><td>2026\.\u00a010\.\u00a025\.<\/td><td><\/td><td class="num">₩52,000<\/td><\/tr>/);
		expect(korean).toContain('<span class="status">납부 예정</span>');
		// Saved under the bill's number, so each month's video keeps its own name (not video.mp4, video (1).mp4, ...).
		expect(korean).toContain(`<a href="/v.mp4" download="${telcoFixtures['ko-KR'].billNumber}.mp4">동영상 (MP4)</a>`);
		expect(korean).toContain(`download="${telcoFixtures['ko-KR'].billNumber}.vtt"`);
		for (const english of ['Category', 'Downloads', 'Paid with', '>Due<']) expect(korean).not.toContain(english);
	});

	it('leaves the payments table out when the bill gives none', () => {
		const {paymentHistory: _, ...withoutHistory} = sampleTelcoBill;
		const html = watchPage({props: {template: 'telco-bill', format: 'landscape', bill: withoutHistory}, token: 't', nonce: 'n', scriptSrc: '/p.js', downloads: {}, playerMode: 'live', today: '2026-11-10'});
		expect(html).not.toContain('Your recent payments');
	});

	it('reads a due bill past its due date as overdue, from the dates', () => {
		const on = (today: string) =>
			watchPage({props: {template: 'telco-bill', format: 'landscape', bill: sampleTelcoBill}, token: 't', nonce: 'n', scriptSrc: '/p.js', downloads: {}, playerMode: 'live', today});
		expect(sampleTelcoBill.dueDate).toBe('2026-11-21');
		expect(on('2026-11-21')).toContain('<span class="status">Due</span>');
		expect(on('2026-11-22')).toContain('<span class="status">1 day overdue</span>');
		expect(on('2026-11-30')).toContain('<span class="status">9 days overdue</span>');
	});

	it('says the date has passed on a due bill watched after it, as the live player draws it', () => {
		// Render 6 of the audit: the badge counted the days beside a video that said paying on time was fine.
		const props = {template: 'telco-bill', format: 'portrait', bill: {...sampleTelcoBill, messageVariant: 'firm'}} as const;
		const on = (today: string) => watchPage({props, token: 't', nonce: 'n', scriptSrc: '/p.js', downloads: {}, playerMode: 'live', today});
		expect(on('2026-12-03')).toContain('<p class="due">The payment date, 21\u00a0November\u00a02026, has passed · <span class="status">12 days overdue</span></p>');
		expect(on('2026-11-21')).toContain('<p class="due">Due by 21\u00a0November\u00a02026 · <span class="status">Due</span></p>');
		// Nothing owed is never late, whatever the day.
		const nothingOwed = watchPage({props: {...props, bill: {...props.bill, amountDue: 0}}, token: 't', nonce: 'n', scriptSrc: '/p.js', downloads: {}, playerMode: 'live', today: '2026-12-03'});
		expect(nothingOwed).toContain('<p class="due">Due by 21\u00a0November\u00a02026 · <span class="status">Due</span></p>');
	});

	it('offers on the page every option the reminder video offers', () => {
		const props = {template: 'payment-reminder', format: 'landscape', bill: reminderFixtures['it-IT']} as const;
		const html = watchPage({props, token: 't', nonce: 'n', scriptSrc: '/p.js', downloads: {}, playerMode: 'live', today: '2026-11-10'});
		const offered = computeRenderInput(props).timeline.hotspots;
		expect(offered.map((hotspot) => hotspot.kind)).toEqual(expect.arrayContaining(['pay', 'instalments', 'call']));
		for (const hotspot of offered.filter((h) => h.kind !== 'pay')) expect(html).toContain(`>${hotspot.label}</a>`);
		expect(html).toContain('href="tel:');
		expect(html).toContain('data-billcast-pay');
		// The plan link, in the video and on the page, names the bill as the pay link does, and the instalments offered.
		const plan = 'https://paga.onda.example/rate?reference=FT-2026-09-3301&amount=249.99&currency=EUR&instalments=3';
		expect(offered.find((hotspot) => hotspot.kind === 'instalments')!.href).toBe(plan);
		expect(html).toContain(`href="${plan.replace(/&/g, '&amp;')}"`);

		// Once paid, nothing on the page asks for money: no pay link and no instalment plan; calling stays.
		const paidAt = '2026-11-09T10:00:00Z';
		const paid = watchPage({props, token: 't', nonce: 'n', scriptSrc: '/p.js', downloads: {}, playerMode: 'live', today: '2026-11-10', paid: {amount: props.bill.amountOverdue, currency: 'EUR', paidAt}});
		expect(paid).not.toContain('data-billcast-pay');
		expect(paid).not.toContain(`>${offered.find((h) => h.kind === 'instalments')!.label}</a>`);
		expect(paid).toContain(`>${offered.find((h) => h.kind === 'call')!.label}</a>`);
	});

	it('once paid, plays the live player and offers no file of the reminder as sent, MP4 mode asked or not', () => {
		const props = {template: 'payment-reminder', format: 'portrait', bill: reminderFixtures['it-IT']} as const;
		const inputs = {props, token: 't', nonce: 'n', scriptSrc: '/p.js', downloads: {video: '/v.mp4', captions: '/c.vtt'}, playerMode: 'mp4', today: '2026-11-21'} as const;
		const unpaid = watchPage(inputs);
		expect(unpaid).toContain('mode="mp4"');
		expect(unpaid).toContain('<video class="no-script"');
		expect(unpaid).toContain('href="/v.mp4"');

		const paid = watchPage({...inputs, paid: {amount: props.bill.amountOverdue, currency: 'EUR', paidAt: '2026-11-20T09:30:00Z'}});
		expect(paid).toContain('<billcast-player token="t" api-base="" mode="live"');
		// Without scripts: the page's words, not the video that says the payment has not come.
		expect(paid).not.toContain('<video');
		expect(paid).toContain(`<p class="no-script">Il video si guarda con JavaScript attivo.`);
		expect(paid).not.toContain('/v.mp4');
		expect(paid).not.toContain('/c.vtt');
		expect(paid).not.toContain('<h2>Download</h2>');
		expect(paid).toContain('<span class="status">Pagata</span>');
	});

	it('allows scripts only by nonce', () => {
		expect(watchPageCsp('abc')).toContain("script-src 'nonce-abc'");
		expect(watchPageCsp('abc')).not.toContain('unsafe');
	});
});

describe('watch page colours', () => {
	const coloursOf = (primaryColor: string, accentColor?: string) => {
		const html = pageOf('Giulia Rossi', {primaryColor, accentColor});
		return Object.fromEntries([...html.matchAll(/--([a-z-]+):(#[0-9A-Fa-f]{3,6})/g)].map(([, name, value]) => [name!, value!]));
	};

	it.each([
		['a pale brand', '#E8F0FF', undefined],
		['a pale brand with a pale accent', '#E8F0FF', '#FFF8E1'],
		['a mid brand', '#2E7D9A', '#FFB020'],
		['a dark brand', '#1B1464', undefined],
	])('come from the video palette, so %s keeps its header readable and its buttons visible on the card', (_, primary, accent) => {
		const colours = coloursOf(primary, accent);
		expect(contrastRatio(colours['on-primary']!, colours.primary!)).toBeGreaterThanOrEqual(AA_TEXT);
		expect(contrastRatio(colours['on-accent']!, colours.accent!)).toBeGreaterThanOrEqual(AA_TEXT);
		expect(contrastRatio(colours['accent-edge']!, '#FFFFFF')).toBeGreaterThanOrEqual(NON_TEXT);
		expect(contrastRatio(colours.edge!, '#FFFFFF')).toBeGreaterThanOrEqual(NON_TEXT);
	});
});
