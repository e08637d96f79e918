import {describe, expect, it} from 'vitest';
import type {z} from 'zod';
import {telcoBillSchema} from '../../src/templates/telco-bill/telco-bill-schema';
import {utilityBillSchema} from '../../src/templates/utility-bill/utility-bill-schema';
import {paymentReminderSchema} from '../../src/templates/payment-reminder/payment-reminder-schema';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {fieldErrorsFromZod} from '../../server/platform/zod-field-errors';

const errorsOf = (schema: z.ZodType, input: unknown) => {
	const result = schema.safeParse(input);
	return result.success ? [] : fieldErrorsFromZod(result.error);
};

describe('the dates of a bill come in the order the video tells them', () => {
	it('refuses a bill due before it was issued', () => {
		const telco = telcoFixtures['it-IT'];
		expect(errorsOf(telcoBillSchema, {...telco, dueDate: '2026-10-31', issueDate: '2026-11-01'})).toEqual([
			{path: 'dueDate', message: "must not be before the bill's issue date (2026-11-01)"},
		]);
		const utility = utilityFixtures['ko-KR'];
		expect(errorsOf(utilityBillSchema, {...utility, dueDate: '2026-10-31', issueDate: '2026-11-01'})).toEqual([
			{path: 'dueDate', message: "must not be before the bill's issue date (2026-11-01)"},
		]);
		expect(errorsOf(telcoBillSchema, {...telco, dueDate: telco.issueDate})).toEqual([]);
	});

	it('refuses a reminder whose next step or first instalment has already passed when it is sent', () => {
		const reminder = reminderFixtures['en-GB'];
		expect(
			errorsOf(paymentReminderSchema, {
				...reminder,
				nextStep: {...reminder.nextStep, date: '2026-11-11'},
				instalments: {...reminder.instalments, firstDate: '2026-11-01'},
			}),
		).toEqual([
			{path: 'nextStep.date', message: 'must not be before reminderDate (2026-11-12)'},
			{path: 'instalments.firstDate', message: 'must not be before reminderDate (2026-11-12)'},
		]);
		expect(errorsOf(paymentReminderSchema, {...reminder, nextStep: {...reminder.nextStep, date: reminder.reminderDate}})).toEqual([]);
	});

	it('takes every sample as it is', () => {
		for (const bill of Object.values(telcoFixtures)) expect(errorsOf(telcoBillSchema, bill)).toEqual([]);
		for (const bill of Object.values(utilityFixtures)) expect(errorsOf(utilityBillSchema, bill)).toEqual([]);
		for (const bill of Object.values(reminderFixtures)) expect(errorsOf(paymentReminderSchema, bill)).toEqual([]);
	});
});
