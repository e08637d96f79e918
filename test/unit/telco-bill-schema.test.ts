import {describe, expect, it} from 'vitest';
import {telcoBillSchema} from '../../src/templates/telco-bill/telco-bill-schema';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {fieldErrorsFromZod} from '../../server/platform/zod-field-errors';

const pathsOf = (input: unknown): string[] => {
	const result = telcoBillSchema.safeParse(input);
	if (result.success) return [];
	return fieldErrorsFromZod(result.error).map((error) => error.path);
};

describe('billSchema', () => {
	it('accepts the sample bill', () => {
		expect(telcoBillSchema.parse(sampleTelcoBill)).toEqual(sampleTelcoBill);
	});

	it('names the missing field', () => {
		const {customer, ...withoutCustomer} = sampleTelcoBill;
		expect(customer).toBeDefined();
		expect(pathsOf(withoutCustomer)).toContain('customer');
		expect(pathsOf({...sampleTelcoBill, customer: {...sampleTelcoBill.customer, name: ''}})).toEqual(['customer.name']);
	});

	it('says a missing field is required, and what a wrong one should be', () => {
		const {customer: _, ...withoutCustomer} = sampleTelcoBill;
		const errors = (input: unknown) => fieldErrorsFromZod(telcoBillSchema.safeParse(input).error!);
		expect(errors(withoutCustomer)).toEqual([{path: 'customer', message: 'is required'}]);
		expect(errors({...sampleTelcoBill, billNumber: 42})).toEqual([{path: 'billNumber', message: 'Invalid input: expected string, received number'}]);
	});

	it('rejects decimals for money and names the line item', () => {
		const lineItems = sampleTelcoBill.lineItems.map((item, index) => (index === 2 ? {...item, amount: 18.4} : item));
		expect(pathsOf({...sampleTelcoBill, lineItems})).toContain('lineItems[2].amount');
	});

	it('rejects wrong types, unknown locales, currencies and dates', () => {
		expect(pathsOf({...sampleTelcoBill, amountDue: '68.40'})).toContain('amountDue');
		expect(pathsOf({...sampleTelcoBill, customer: {...sampleTelcoBill.customer, currency: 'EURO'}})).toEqual(['customer.currency']);
		// Intl would format it ("EUX 76.78"), but no currency has that code.
		expect(pathsOf({...sampleTelcoBill, customer: {...sampleTelcoBill.customer, currency: 'EUX'}})).toEqual(['customer.currency']);
		expect(pathsOf({...sampleTelcoBill, customer: {...sampleTelcoBill.customer, currency: 'KRW'}})).toEqual([]);
		expect(pathsOf({...sampleTelcoBill, dueDate: '21/11/2026'})).toEqual(['dueDate']);
		expect(pathsOf({...sampleTelcoBill, period: {start: '2026-10-31', end: '2026-10-01'}})).toEqual(['period.end']);
	});

	it('requires line items to explain the whole amount due', () => {
		expect(pathsOf({...sampleTelcoBill, amountDue: sampleTelcoBill.amountDue + 1})).toEqual(['amountDue']);
	});

	it('accepts a bill without line items or a previous amount', () => {
		const {previousAmount, ...rest} = sampleTelcoBill;
		expect(previousAmount).toBeDefined();
		expect(pathsOf({...rest, lineItems: []})).toEqual([]);
	});

	it('requires a pay link when money is owed, and credits to be negative', () => {
		expect(pathsOf({...sampleTelcoBill, payment: {status: 'due'}})).toEqual(['payment.payUrl']);
		expect(pathsOf({...sampleTelcoBill, payment: {status: 'autopay', cardLast4: '4242'}})).toEqual([]);
		const lineItems = [{category: 'credits', label: 'Refund', amount: 100}];
		expect(pathsOf({...sampleTelcoBill, amountDue: 100, lineItems})).toEqual(['lineItems[0].amount']);
	});

	it('takes a logo only over https or inline, since the render browser fetches it', () => {
		const withLogo = (logoUrl: string) => pathsOf({...sampleTelcoBill, brand: {...sampleTelcoBill.brand, logoUrl}});
		expect(withLogo('https://cdn.aurora.example/logo.svg')).toEqual([]);
		expect(withLogo(sampleTelcoBill.brand.logoUrl!)).toEqual([]);
		for (const refused of ['http://10.0.0.5/logo.png', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd']) {
			expect(withLogo(refused)).toEqual(['brand.logoUrl']);
		}
	});
});
