import {describe, expect, it} from 'vitest';
import {summarizeBill} from '../../src/bill-summary';
import {fixtureLocales} from '../../src/fixtures/locales';
import {timelineFor} from '../../src/render-input';
import {utilityBillSchema} from '../../src/templates/utility-bill/utility-bill-schema';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {utilityScript} from '../../src/templates/utility-bill/utility-script';
import {fieldErrorsFromZod} from '../../server/platform/zod-field-errors';

describe('an overdue utility bill', () => {
	it.each(fixtureLocales)('%s: is accepted, asks for payment with its pay button and keeps its status for the watch page', (locale) => {
		const bill = {...utilityFixtures[locale], payment: {status: 'overdue' as const, payUrl: 'https://pay.example.com/checkout'}};
		expect(utilityBillSchema.safeParse(bill).success).toBe(true);
		expect(utilityScript(bill).due.payLabel).toBeDefined();
		expect(timelineFor({template: 'utility-bill', bill, format: 'portrait'}).hotspots.some((hotspot) => hotspot.kind === 'pay')).toBe(true);
		expect(summarizeBill({template: 'utility-bill', bill}).status).toBe('overdue');
	});

	it('needs a pay link, named in the message', () => {
		const result = utilityBillSchema.safeParse({...utilityFixtures['en-GB'], payment: {status: 'overdue'}});
		expect(result.success ? [] : fieldErrorsFromZod(result.error)).toEqual([
			{path: 'payment.payUrl', message: 'is required when the payment status is due or overdue and an amount is owed'},
		]);
	});
});
