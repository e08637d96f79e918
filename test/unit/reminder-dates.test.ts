import {describe, expect, it} from 'vitest';
import {paymentReminderSchema} from '../../src/templates/payment-reminder/payment-reminder-schema';
import {reminderEdgeBills} from '../../src/templates/payment-reminder/reminder-edge-bills';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {fieldErrorsFromZod} from '../../server/platform/zod-field-errors';

const errorsOf = (input: unknown) => {
	const result = paymentReminderSchema.safeParse(input);
	return result.success ? [] : fieldErrorsFromZod(result.error);
};

describe('a reminder is for a payment already late', () => {
	it('refuses one sent on the original due date, naming reminderDate', () => {
		// It said "0 giorni di ritardo al 31 ottobre 2026".
		const reminder = {...reminderFixtures['it-IT'], reminderDate: '2026-10-31', originalDueDate: '2026-10-31'};
		expect(errorsOf(reminder)).toEqual([
			{path: 'reminderDate', message: 'must be after originalDueDate (2026-10-31): a reminder is for a payment already late'},
		]);
	});

	it('refuses one sent before the original due date', () => {
		const reminder = {...reminderFixtures['en-GB'], originalDueDate: '2026-11-13'};
		expect(errorsOf(reminder).map((error) => error.path)).toEqual(['reminderDate']);
	});

	it('takes one sent the day after, and every sample and edge bill', () => {
		expect(errorsOf({...reminderFixtures['en-GB'], originalDueDate: '2026-11-11'})).toEqual([]);
		for (const bill of [...Object.values(reminderFixtures), ...Object.values(reminderEdgeBills)]) expect(errorsOf(bill)).toEqual([]);
	});
});
