import {describe, expect, it} from 'vitest';
import {checkoutUrl} from '../../src/checkout-url';
import {sampleBill} from '../../src/sample-bill';

describe('checkoutUrl', () => {
	it('adds the bill reference, the decimal amount and the currency', () => {
		expect(checkoutUrl(sampleBill, 'https://pay.example.com/checkout')).toBe(
			'https://pay.example.com/checkout?reference=INV-2026-11-0042&amount=68.40&currency=EUR',
		);
	});

	it('keeps an existing query and fragment and encodes the reference', () => {
		const bill = {...sampleBill, billNumber: 'A&B 1', customer: {...sampleBill.customer, currency: 'KRW'}, amountDue: 12000};
		expect(checkoutUrl(bill, 'https://pay.example.com/c?lang=ko#top')).toBe(
			'https://pay.example.com/c?lang=ko&reference=A%26B%201&amount=12000&currency=KRW#top',
		);
	});
});
