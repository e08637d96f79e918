import {describe, expect, it} from 'vitest';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {reminderScript} from '../../src/templates/payment-reminder/reminder-script';

describe("the reminder's days-overdue count names the day it was counted on", () => {
	// The watch page counts from today; a video watched a week after it was sent said "15 days" beside the page's "22".
	it.each([
		['en-GB', ['22 days overdue', 'as of 12\u00a0November\u00a02026']],
		['it-IT', ['10 giorni di ritardo', 'al 10\u00a0novembre\u00a02026']],
		['ko-KR', ['2026년\u00a011월\u00a09일 기준', '15일 지났습니다']],
	] as const)('%s, in the language’s order, and one line for captions and the voice', (locale, parts) => {
		const {overdue} = reminderScript(reminderFixtures[locale]);
		expect(overdue.daysLate).toEqual(parts);
		expect(overdue.lines).toContain(parts.join(' '));
	});

	it('counts one day in the singular', () => {
		const reminder = {...reminderFixtures['en-GB'], originalDueDate: '2026-11-11'};
		expect(reminderScript(reminder).overdue.daysLate).toEqual(['1 day overdue', 'as of 12\u00a0November\u00a02026']);
	});
});

describe("the reminder's call button", () => {
	// "Talk to us: +44 20 / 7946 0000" wrapped inside the number on a narrow button.
	it.each(['en-GB', 'it-IT', 'ko-KR'] as const)('%s: keeps the phone number on one line, wrapping only before it', (locale) => {
		const {phone} = reminderFixtures[locale];
		const {call} = reminderScript(reminderFixtures[locale]).options;
		expect(call).toContain(phone.replaceAll(' ', '\u00a0'));
		expect(call.slice(0, call.indexOf('+'))).toContain(' ');
	});
});
