import {describe, expect, it} from 'vitest';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {buildCaptionFiles} from '../../src/captions';
import {chaptersOf} from '../../src/templates/chapters';
import {corpusCheckoutUrlTemplate, tmf678Corpus} from '../../src/fixtures/tmf678-corpus';
import {scriptFor, timelineFor} from '../../src/render-input';
import {formattersFor} from '../../src/scripts/formatters';
import {tmf678Schema} from '../../src/tmf678/tmf678-schema';
import {tmf678ToTelcoBill} from '../../src/tmf678/tmf678-to-bill';

const brand: TelcoBill['brand'] = {name: 'Aurora Mobile', primaryColor: '#4B2BD6', accentColor: '#FFB020'};

/**
 * Every amount of money a text states, as written: a currency sign before the digits (€42.50, -JP¥7,678, US$39.99) or a
 * sign or code after them (42,50 €, 61.200 KRW). Dates, percentages and "10 GB" have neither.
 */
const moneyPattern = /[-+]?(?:[A-Z]{2})?[€£¥₩$][\d.,]*\d|[-+]?\d[\d.,]*[ \u00a0\u202f](?:[€£¥₩]|[A-Z]{3}\b)/gu;
const amountsIn = (text: string): string[] => [...text.matchAll(moneyPattern)].map((match) => match[0]);

describe('the TMF678 corpus', () => {
	it('holds at least 12 bills: v4 and v5, tax included and excluded, credit balance, partly paid, unknown sections, KRW and JPY, a PartyRoleRef', () => {
		expect(tmf678Corpus.length).toBeGreaterThanOrEqual(12);
		const rates = tmf678Corpus.flatMap((entry) => entry.tmf.appliedCustomerBillingRate);
		expect(rates.some((rate) => rate.type !== undefined) && rates.some((rate) => rate.appliedBillingRateType !== undefined)).toBe(true);
		expect(rates.some((rate) => rate.taxIncludedAmount) && rates.some((rate) => rate.taxExcludedAmount)).toBe(true);
		expect(tmf678Corpus.some((entry) => entry.expected.amountDue < 0)).toBe(true);
		expect(tmf678Corpus.some((entry) => entry.expected.payment.amountPaid !== undefined)).toBe(true);
		expect(tmf678Corpus.some((entry) => entry.expected.lineItems.some((item) => item.category === 'other'))).toBe(true);
		expect(new Set(tmf678Corpus.map((entry) => entry.expected.customer.currency))).toEqual(new Set(['EUR', 'GBP', 'KRW', 'JPY', 'USD']));
		expect(tmf678Corpus.some((entry) => entry.tmf.customerBill.relatedParty.some((party) => party.partyOrPartyRole?.['@type'] === 'PartyRoleRef'))).toBe(true);
	});

	describe.each(tmf678Corpus.map((entry) => [entry.name, entry] as const))('%s', (_, entry) => {
		const mapped = tmf678ToTelcoBill({tmf: tmf678Schema.parse(entry.tmf), locale: entry.locale, brand, checkoutUrlTemplate: corpusCheckoutUrlTemplate});

		it('maps to its expected bill, and warns only about what it placed under Other charges', () => {
			if (!mapped.ok) throw new Error(`refused: ${JSON.stringify(mapped.errors)}`);
			const {customer, amountDue, lineItems, payment} = mapped.bill;
			expect({customer, amountDue, lineItems, payment}).toEqual({
				customer: entry.expected.customer,
				amountDue: entry.expected.amountDue,
				lineItems: entry.expected.lineItems,
				payment: entry.expected.payment,
			});
			expect(mapped.warnings.map((warning) => warning.path)).toEqual(entry.expected.warnings);
			// TMF678 has no previous bill: the bill neither compares nor calls itself a first bill.
			expect(mapped.bill.previousAmount).toBeUndefined();
			expect(mapped.bill.firstBill).toBeUndefined();
		});

		it('has a transcript that states exactly the expected amounts', () => {
			if (!mapped.ok) throw new Error(`refused: ${JSON.stringify(mapped.errors)}`);
			const input = {template: 'telco-bill', bill: mapped.bill} as const;
			const {transcript} = buildCaptionFiles({timeline: timelineFor({...input, format: 'landscape'}), script: scriptFor(input), chapters: chaptersOf(input.template, entry.locale)});
			const f = formattersFor(mapped.bill.customer);
			expect(amountsIn(transcript).sort()).toEqual(entry.transcriptAmounts.map((minor) => f.money(minor)).sort());
		});
	});
});
