import {describe, expect, it} from 'vitest';
import {checkoutUrl, fillCheckoutUrlTemplate, instalmentPlanUrl, unknownCheckoutUrlPlaceholders} from '../../src/checkout-url';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';

describe('checkoutUrl', () => {
	it('adds the bill reference, the decimal amount and the currency', () => {
		expect(checkoutUrl(sampleTelcoBill, 'https://pay.example.com/checkout')).toBe(
			'https://pay.example.com/checkout?reference=INV-2026-11-0042&amount=68.40&currency=EUR',
		);
	});

	it('keeps an existing query and fragment and encodes the reference', () => {
		const bill = {...sampleTelcoBill, billNumber: 'A&B 1', customer: {...sampleTelcoBill.customer, currency: 'KRW'}, amountDue: 12000};
		const url = checkoutUrl(bill, 'https://pay.example.com/c?lang=ko#top');
		// Form encoding, as the checkout's own URLSearchParams reads it: the space is "+".
		expect(url).toBe('https://pay.example.com/c?lang=ko&reference=A%26B+1&amount=12000&currency=KRW#top');
		expect(Object.fromEntries(new URL(url).searchParams)).toEqual({lang: 'ko', reference: 'A&B 1', amount: '12000', currency: 'KRW'});
		expect(checkoutUrl(bill, 'https://pay.example.com/c?')).toBe('https://pay.example.com/c?reference=A%26B+1&amount=12000&currency=KRW');
	});

	it('never adds a parameter twice when a checkout template already put it in', () => {
		const filled = fillCheckoutUrlTemplate({template: 'https://pay.example.com/checkout?bill={billNo}&amount={amount}', bill: sampleTelcoBill});
		expect(checkoutUrl(sampleTelcoBill, filled)).toBe(
			'https://pay.example.com/checkout?bill=INV-2026-11-0042&amount=68.40&reference=INV-2026-11-0042&currency=EUR',
		);
	});
});

describe('instalmentPlanUrl', () => {
	it('gives the plan page the bill reference, amount and currency of the pay link, and the number of instalments', () => {
		const url = instalmentPlanUrl(sampleTelcoBill, 'https://pay.aurora-mobile.example/plan', 3);
		expect(url).toBe('https://pay.aurora-mobile.example/plan?reference=INV-2026-11-0042&amount=68.40&currency=EUR&instalments=3');
		expect(instalmentPlanUrl(sampleTelcoBill, 'https://pay.example.com/plan?instalments=2&amount=1#x', 3)).toBe(
			'https://pay.example.com/plan?instalments=2&amount=1&reference=INV-2026-11-0042&currency=EUR#x',
		);
	});
});

describe('fillCheckoutUrlTemplate', () => {
	it('fills every placeholder with the bill, the amount as an exact decimal', () => {
		const template = 'https://pay.example.com/{customerId}/checkout?bill={billNo}&amount={amount}&currency={currency}';
		expect(fillCheckoutUrlTemplate({template, bill: sampleTelcoBill})).toBe(
			'https://pay.example.com/CUST-100482/checkout?bill=INV-2026-11-0042&amount=68.40&currency=EUR',
		);
	});

	it('encodes values so a bill number cannot add parameters or path segments', () => {
		const bill = {...sampleTelcoBill, billNumber: 'A&admin=1/../x', customer: {...sampleTelcoBill.customer, currency: 'KRW'}, amountDue: 12000};
		expect(fillCheckoutUrlTemplate({template: 'https://pay.example.com/c?bill={billNo}&amount={amount}', bill})).toBe(
			'https://pay.example.com/c?bill=A%26admin%3D1%2F..%2Fx&amount=12000',
		);
	});

	it('names placeholders it does not know', () => {
		expect(unknownCheckoutUrlPlaceholders('https://pay.example.com/c?bill={billNo}&a={amount}&c={currency}&id={customerId}')).toEqual([]);
		expect(unknownCheckoutUrlPlaceholders('https://pay.example.com/c?bill={billNumber}&x={}')).toEqual(['billNumber', '']);
	});
});
