import {describe, expect, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {telcoBillSchema} from '../../src/templates/telco-bill/telco-bill-schema';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {paymentReminderSchema} from '../../src/templates/payment-reminder/payment-reminder-schema';

const MESSAGE = 'must not contain control characters, bidirectional overrides or broken surrogate pairs';
const issuesOf = (result: {error?: {issues: Array<{path: PropertyKey[]; message: string}>}}) =>
	result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];

describe('text the video shows', () => {
	it('refuses a NUL, a bidirectional override or half a surrogate pair, naming the field', () => {
		for (const name of ['Ada\u0000Byron', 'Ada \u202Enoryb', 'Ada \uD83D Byron', 'Ada\u0085Byron']) {
			expect(issuesOf(telcoBillSchema.safeParse({...sampleTelcoBill, customer: {...sampleTelcoBill.customer, name}}))).toEqual([['customer.name', MESSAGE]]);
		}
		const lineItems = sampleTelcoBill.lineItems.map((item, index) => (index === 1 ? {...item, label: 'Roaming\u0007'} : item));
		expect(issuesOf(telcoBillSchema.safeParse({...sampleTelcoBill, lineItems}))).toEqual([['lineItems.1.label', MESSAGE]]);
		expect(issuesOf(paymentReminderSchema.safeParse({...reminderFixtures['en-GB'], billNumber: 'INV\u001B[31m'}))).toEqual([['billNumber', MESSAGE]]);
	});

	it('takes names as people write them: right to left, combining marks, emoji', () => {
		for (const name of ['محمد الأحمد', 'Jose\u0301 Nun\u0303ez', 'Zoë 👩‍👩‍👧', '박민준', 'Siobhán Ó Súilleabháin']) {
			expect(issuesOf(telcoBillSchema.safeParse({...sampleTelcoBill, customer: {...sampleTelcoBill.customer, name}}))).toEqual([]);
		}
	});
});
