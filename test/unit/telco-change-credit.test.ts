import {describe, expect, it} from 'vitest';
import {formatMoney} from '../../src/money';
import {narrationOf} from '../../src/narration';
import {timelineFor} from '../../src/render-input';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {telcoScript} from '../../src/templates/telco-bill/telco-script';

/** A bill whose refund moved from `before` to `now` (both negative) while the plan stayed the same. */
const refunded = (locale: 'en-GB' | 'it-IT' | 'ko-KR', label: string, now: number, before: number): TelcoBill => {
	const base = telcoFixtures[locale];
	return {
		...base,
		amountDue: 3500 + now,
		previousAmount: 3500 + before,
		lineItems: [
			{category: 'plan', label: base.lineItems[0]!.label, amount: 3500},
			{category: 'credits', label, amount: now},
		],
		previousByCategory: {plan: 3500, credits: before},
	};
};

const cases = [
	{
		locale: 'en-GB',
		label: 'Refund for the October outage',
		more: (amount: string) => `Refund for the October outage gave you ${amount} more back`,
		less: (amount: string) => `Refund for the October outage gave you ${amount} less back`,
		heard: {more: /gave you .+ more back\.$/u, less: /gave you .+ less back\.$/u},
	},
	{
		locale: 'it-IT',
		label: 'Rimborso per il disservizio di ottobre',
		more: (amount: string) => `Rimborso per il disservizio di ottobre: ${amount} in più a tuo favore`,
		less: (amount: string) => `Rimborso per il disservizio di ottobre: ${amount} in meno a tuo favore`,
		heard: {more: /in più a tuo favore\.$/u, less: /in meno a tuo favore\.$/u},
	},
	{
		locale: 'ko-KR',
		// Ends on a consonant, so the particle is 으로, not 로.
		label: '10월 장애 보상 할인',
		more: (amount: string) => `10월 장애 보상 할인으로 ${amount} 더 돌려받으셨습니다`,
		less: (amount: string) => `10월 장애 보상 할인으로 돌려받으신 금액이 ${amount} 줄었습니다`,
		heard: {more: /할인으로 .+ 더 돌려받으셨습니다\.$/u, less: /할인으로 돌려받으신 금액이 .+ 줄었습니다\.$/u},
	},
] as const;

describe.each(cases)('the reason a telco bill changed, $locale', ({locale, label, more, less, heard}) => {
	const money = (bill: TelcoBill, minor: number) => formatMoney({minor, currency: bill.customer.currency, locale});
	const spokenReason = (bill: TelcoBill) =>
		narrationOf({template: 'telco-bill', bill}, timelineFor({template: 'telco-bill', bill, format: 'landscape'}).scenes).find((scene) => scene.sceneId === 'total')!
			.sentences;

	it('says a refund that grew gave the customer more back, on screen and aloud', () => {
		const bill = refunded(locale, label, -4750, -300);
		const {reason, lines} = telcoScript(bill).total;
		expect(reason).toBe(more(money(bill, 4450)));
		expect(lines).toContain(reason);
		expect(spokenReason(bill).some((sentence) => heard.more.test(sentence))).toBe(true);
	});

	it('says a refund that shrank gave the customer less back', () => {
		const bill = refunded(locale, label, -300, -4750);
		expect(telcoScript(bill).total.reason).toBe(less(money(bill, 4450)));
		expect(spokenReason(bill).some((sentence) => heard.less.test(sentence))).toBe(true);
	});

	it('still says a charge that fell went down', () => {
		const bill: TelcoBill = {...refunded(locale, label, -300, -300), previousByCategory: {plan: 5000, credits: -300}};
		const reason = telcoScript(bill).total.reason;
		expect(reason).toContain({'en-GB': 'went down by', 'it-IT': 'in meno', 'ko-KR': '줄었습니다'}[locale]);
		expect(reason).not.toMatch(/back|favore|돌려받/u);
	});
});

describe('the Korean particle after a refund', () => {
	it('agrees with a label ending on a vowel', () => {
		const bill = refunded('ko-KR', '장애 보상 크레디트', -4750, -300);
		expect(telcoScript(bill).total.reason).toMatch(/^장애 보상 크레디트로 /u);
	});
});
