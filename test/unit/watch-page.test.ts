import {describe, expect, it} from 'vitest';
import {sampleBill} from '../../src/sample-bill';
import {watchPage, watchPageCsp} from '../../server/watch-page';

describe('watch page', () => {
	const page = (name: string, brand = sampleBill.brand.name) =>
		watchPage({
			props: {template: 'telco-bill', format: 'landscape', bill: {...sampleBill, customer: {...sampleBill.customer, name}, brand: {...sampleBill.brand, name: brand}}},
			token: 'tok',
			nonce: 'n0nce',
			downloads: {},
			playerMode: 'live',
		});

	it('escapes every piece of bill text', () => {
		const html = page('<script>alert(1)</script>', '"><img src=x onerror=alert(2)>');
		expect(html).not.toContain('<script>alert(1)');
		expect(html).not.toContain('<img src=x');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html.match(/<script/g)).toHaveLength(1);
		expect(html).toContain('<script nonce="n0nce" src="/player/billcast-player.js">');
	});

	it('lists the breakdown as a table and offers a pay link with reference and amount', () => {
		const html = page('Giulia Rossi');
		expect(html).toContain('<caption>Where it goes</caption>');
		expect(html).toContain('Roaming in France');
		expect(html).toContain('href="https://pay.aurora-mobile.example/checkout?reference=INV-2026-11-0042&amp;amount=68.40&amp;currency=EUR"');
	});

	it('allows scripts only by nonce', () => {
		expect(watchPageCsp('abc')).toContain("script-src 'nonce-abc'");
		expect(watchPageCsp('abc')).not.toContain('unsafe');
	});
});
