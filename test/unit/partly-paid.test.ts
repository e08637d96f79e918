import {describe, expect, it} from 'vitest';
import {telcoBillSchema, type TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {summarizeBill} from '../../src/bill-summary';
import {chartRows} from '../../src/templates/telco-bill/breakdown';
import {checkoutUrl} from '../../src/checkout-url';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {telcoScript} from '../../src/templates/telco-bill/telco-script';
import {buildTelcoTimeline} from '../../src/templates/telco-bill/telco-timeline';
import {fieldErrorsFromZod} from '../../server/platform/zod-field-errors';

const pathsOf = (input: unknown): string[] => {
	const result = telcoBillSchema.safeParse(input);
	return result.success ? [] : fieldErrorsFromZod(result.error).map((error) => error.path);
};

const partly: TelcoBill = {...sampleTelcoBill, payment: {status: 'due', payUrl: 'https://pay.example.com/checkout', amountPaid: 2000}};

describe('a partly paid bill', () => {
	it('is what remains between nothing and the whole bill, on a bill still to pay', () => {
		expect(pathsOf(partly)).toEqual([]);
		expect(pathsOf({...partly, payment: {...partly.payment, amountPaid: 6840}})).toEqual(['payment.amountPaid']);
		expect(pathsOf({...partly, payment: {...partly.payment, amountPaid: 0}})).toEqual(['payment.amountPaid']);
		expect(pathsOf({...partly, payment: {status: 'paid', amountPaid: 2000}})).toEqual(['payment.amountPaid']);
	});

	it('keeps its lines and total, and asks for the rest in the due scene, the pay button, the summary and the checkout', () => {
		const {due, total} = telcoScript(partly);
		expect(total.amount).toBe('€68.40');
		expect(due.lines).toEqual(['Due by 21\u00a0November\u00a02026', '€48.40', 'You have paid €20.00 of €68.40', 'Pay €48.40 now']);
		expect(buildTelcoTimeline({bill: partly, format: 'landscape'}).hotspots.find((hotspot) => hotspot.kind === 'pay')?.label).toBe('Pay €48.40 now');
		const summary = summarizeBill({template: 'telco-bill', bill: partly});
		expect(summary).toMatchObject({amountDue: 4840, total: 6840, amountPaid: 2000});
		expect(summary.rows.reduce((sum, row) => sum + row.amount, 0)).toBe(6840);
		expect(checkoutUrl(summary, 'https://pay.example.com/checkout')).toBe('https://pay.example.com/checkout?reference=INV-2026-11-0042&amount=48.40&currency=EUR');
	});
});

describe('first bill or unknown previous amount', () => {
	it('a first bill has no previous one', () => {
		expect(pathsOf({...sampleTelcoBill, firstBill: true})).toEqual(['firstBill']);
		const {previousAmount: _, previousByCategory: __, ...unknown} = sampleTelcoBill;
		expect(pathsOf({...unknown, firstBill: true})).toEqual([]);
		expect(telcoScript({...unknown, firstBill: true}).total.change).toBe('Your first bill with us');
		expect(telcoScript(unknown).total).not.toHaveProperty('change');
	});
});

describe('the bill\'s own other charges in the chart', () => {
	it('stand alone while the bars fit, and join the grouped "Other" bar, never a second one', () => {
		const line = (category: TelcoBill['lineItems'][number]['category'], amount: number) => ({category, label: category, amount});
		expect(chartRows([line('plan', 3000), line('other', 500)])).toEqual([expect.objectContaining({category: 'plan'}), expect.objectContaining({category: 'other', total: 500})]);
		const many = [line('plan', 3000), line('addons', 900), line('roaming', 800), line('devices', 700), line('one_off', 50), line('other', 5000), line('taxes', 100)];
		const rows = chartRows(many);
		// Taxes keep their own bar, so the three largest charges stand alone and devices, one-offs and other charges are grouped.
		expect(rows.filter((row) => row.category === 'other')).toEqual([{category: 'other', total: 5750, grouped: true}]);
		expect(rows.reduce((sum, row) => sum + row.total, 0)).toBe(many.reduce((sum, item) => sum + item.amount, 0));
	});
});
