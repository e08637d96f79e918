import {describe, expect, it} from 'vitest';
import {telcoFixtures} from '../../src/fixtures/telco-fixtures';
import {sampleBill} from '../../src/sample-bill';
import {watchPage, watchPageCsp} from '../../server/watch-page';

describe('watch page', () => {
	const page = (name: string, brand = sampleBill.brand.name) =>
		watchPage({
			props: {template: 'telco-bill', format: 'landscape', bill: {...sampleBill, customer: {...sampleBill.customer, name}, brand: {...sampleBill.brand, name: brand}}},
			token: 'tok',
			nonce: 'n0nce',
			scriptSrc: '/player/billcast-player.0123456789abcdef.js',
			downloads: {},
			playerMode: 'live',
		});

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
		expect(html).toContain('<tr><td>20 October 2026</td><td>Card ending 4242</td><td class="num">€52.00</td></tr>');
		expect(html).toContain('<th scope="col">Paid with</th>');

		const korean = watchPage({
			props: {template: 'telco-bill', format: 'landscape', bill: {...telcoFixtures['ko-KR'], paymentHistory: [{date: '2026-10-25', amount: 52000}]}},
			token: 'tok',
			nonce: 'n0nce',
			scriptSrc: '/p.js',
			downloads: {video: '/v.mp4', captions: '/c.vtt'},
			playerMode: 'live',
		});
		expect(korean).toContain('<caption>최근 납부 내역</caption>');
		expect(korean).toMatch(/<tr><td>2026년 10월 25일<\/td><td><\/td><td class="num">₩52,000<\/td><\/tr>/);
		expect(korean).toContain('<span class="status">납부 예정</span>');
		expect(korean).toContain('>동영상 (MP4)</a>');
		for (const english of ['Category', 'Downloads', 'Paid with', '>Due<']) expect(korean).not.toContain(english);
	});

	it('leaves the payments table out when the bill gives none', () => {
		const {paymentHistory: _, ...withoutHistory} = sampleBill;
		const html = watchPage({props: {template: 'telco-bill', format: 'landscape', bill: withoutHistory}, token: 't', nonce: 'n', scriptSrc: '/p.js', downloads: {}, playerMode: 'live'});
		expect(html).not.toContain('Your recent payments');
	});

	it('allows scripts only by nonce', () => {
		expect(watchPageCsp('abc')).toContain("script-src 'nonce-abc'");
		expect(watchPageCsp('abc')).not.toContain('unsafe');
	});
});
