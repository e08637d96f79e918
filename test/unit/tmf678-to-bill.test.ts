import {describe, expect, it} from 'vitest';
import type {TelcoBill, LineItemCategory} from '../../src/templates/telco-bill/telco-bill-schema';
import {tmf678V4Sample} from '../../src/fixtures/tmf678-v4-sample';
import {tmf678V5Sample} from '../../src/fixtures/tmf678-v5-sample';
import '../../server/platform/zod-field-errors';
import {tmf678Schema, type Tmf678} from '../../src/tmf678/tmf678-schema';
import {tmf678ToTelcoBill, type Tmf678ToTelcoBillOptions} from '../../src/tmf678/tmf678-to-bill';

const aurora: TelcoBill['brand'] = {name: 'Aurora Mobile', primaryColor: '#4B2BD6', accentColor: '#FFB020'};
const checkoutUrlTemplate = 'https://pay.example.com/checkout?bill={billNo}&amount={amount}';

/** Through the request schema first, as the API does, so the samples are known to pass it. */
const map = (tmf: unknown, options: Partial<Omit<Tmf678ToTelcoBillOptions, 'tmf'>> = {}) =>
	tmf678ToTelcoBill({tmf: tmf678Schema.parse(tmf), locale: 'en-GB', brand: aurora, checkoutUrlTemplate, ...options});

/** A copy of a sample with `change` applied, so each test states only what it breaks. */
const changed = (sample: Tmf678, change: (tmf: Tmf678) => void): Tmf678 => {
	const copy = structuredClone(sample);
	change(copy);
	return copy;
};

const lines = (...rows: Array<[LineItemCategory, string, number]>) => rows.map(([category, label, amount]) => ({category, label, amount}));

const errorsOf = (tmf: unknown, options: Partial<Omit<Tmf678ToTelcoBillOptions, 'tmf'>> = {}) => {
	const mapped = map(tmf, options);
	if (mapped.ok) throw new Error('expected the TMF bill to be refused');
	return mapped.errors;
};

describe('tmf678ToBill maps the samples to the expected bill', () => {
	it('v4: flat related party, rate type, tax-included prices, a positive credit, an unbilled rate left out', () => {
		expect(map(tmf678V4Sample)).toEqual({
			ok: true,
			bill: {
				customer: {id: 'CUST-100482', name: 'Giulia Rossi', locale: 'en-GB', currency: 'EUR'},
				billNumber: 'INV-2026-11-0042',
				period: {start: '2026-10-01', end: '2026-10-31'},
				issueDate: '2026-11-03',
				dueDate: '2026-11-21',
				amountDue: 6870,
				lineItems: lines(
					['plan', 'Unlimited Plus 5G', 3480],
					['addons', 'Extra 10 GB', 540],
					['roaming', 'Roaming in France', 1830],
					['devices', 'Phone instalment 8 of 24', 1500],
					['credits', 'Loyalty discount', -480],
				),
				billPdfUrl: 'https://my.aurora-mobile.example/bills/INV-2026-11-0042.pdf',
				payment: {status: 'due', payUrl: 'https://pay.example.com/checkout?bill=INV-2026-11-0042&amount=68.70'},
				brand: aurora,
			},
			warnings: [],
		});
	});

	it('v5: partyOrPartyRole, appliedBillingRateType, tax-excluded prices plus the taxItem, the PDF among the documents', () => {
		const onda: TelcoBill['brand'] = {name: 'Onda Telecom', primaryColor: '#0A6E5C', accentColor: '#FFD23F'};
		expect(map(tmf678V5Sample, {locale: 'it-IT', brand: onda})).toEqual({
			ok: true,
			bill: {
				customer: {id: 'CUST-IT-2231', name: 'Marco Bianchi', locale: 'it-IT', currency: 'EUR'},
				billNumber: 'ON-2026-11-7731',
				// The calendar dates as written, whatever their offset.
				period: {start: '2026-10-01', end: '2026-10-31'},
				issueDate: '2026-11-04',
				dueDate: '2026-11-25',
				amountDue: 7015,
				lineItems: lines(
					['plan', 'Giga Illimitati 5G', 2900],
					['addons', 'Extra 10 GB', 450],
					['roaming', 'Roaming in Francia', 1550],
					['devices', 'Rata smartphone 8 di 24', 1250],
					['credits', 'Sconto fedeltà', -400],
					['taxes', 'IVA', 1265],
				),
				billPdfUrl: 'https://my.onda.example/bollette/ON-2026-11-7731.pdf',
				payment: {status: 'due', payUrl: 'https://pay.example.com/checkout?bill=ON-2026-11-7731&amount=70.15'},
				brand: onda,
			},
			warnings: [],
		});
	});

	it('v5 PartyRoleRef: the person is partyName, the customer reference its id', () => {
		const tmf = changed(tmf678V5Sample, (t) => {
			t.customerBill.relatedParty[0]!.partyOrPartyRole = {id: 'CUST-IT-2231', name: 'Cliente', partyId: 'IND-88', partyName: 'Marco Bianchi', '@type': 'PartyRoleRef'};
		});
		const mapped = map(tmf);
		expect(mapped.ok && mapped.bill.customer).toMatchObject({id: 'CUST-IT-2231', name: 'Marco Bianchi'});
	});

	it('money as strings and in KRW, which has no minor units', () => {
		const tmf = changed(tmf678V4Sample, (t) => {
			const won = (value: number | string) => ({unit: 'KRW', value});
			t.customerBill = {...t.customerBill, amountDue: won('68900'), remainingAmount: undefined, taxIncludedAmount: won(68900), taxItem: []};
			t.appliedCustomerBillingRate = [
				{name: '5G 프리미엄', type: 'recurring', taxIncludedAmount: won(55000)},
				{name: '일본 로밍', characteristic: [{name: 'InvoiceSection', value: 'Roaming'}], taxIncludedAmount: won('13900.00')},
			];
		});
		const mapped = map(tmf, {locale: 'ko-KR'});
		expect(mapped.ok && mapped.bill).toMatchObject({
			customer: {currency: 'KRW', locale: 'ko-KR'},
			amountDue: 68900,
			lineItems: [
				{category: 'plan', amount: 55000},
				{category: 'roaming', amount: 13900},
			],
			payment: {payUrl: 'https://pay.example.com/checkout?bill=INV-2026-11-0042&amount=68900'},
		});
	});
});

describe('tmf678ToBill: payments', () => {
	const paidInFull = changed(tmf678V4Sample, (t) => {
		t.customerBill.appliedPayment = [{appliedAmount: {unit: 'EUR', value: 50}}, {appliedAmount: {unit: 'EUR', value: 18.7}, payment: {id: 'PAY-2'}}];
		t.customerBill.remainingAmount = {unit: 'EUR', value: 0};
		t.customerBill.state = 'settled';
	});

	it('a bill paid in full is paid and needs no pay link, so no checkout template', () => {
		const mapped = map(paidInFull, {checkoutUrlTemplate: undefined});
		expect(mapped.ok && mapped.bill.payment).toEqual({status: 'paid'});
		expect(mapped.ok && mapped.bill.amountDue).toBe(6870);
	});

	it('a settled bill without payment details is paid', () => {
		const settled = changed(tmf678V4Sample, (t) => {
			t.customerBill = {...t.customerBill, state: 'settled', remainingAmount: undefined, appliedPayment: undefined};
		});
		expect(map(settled)).toMatchObject({ok: true, bill: {payment: {status: 'paid'}}});
	});

	it('a partly paid bill keeps its lines and total, and asks for what is left', () => {
		const partly = changed(tmf678V4Sample, (t) => {
			t.customerBill.appliedPayment = [{appliedAmount: {unit: 'EUR', value: 15}}, {appliedAmount: {unit: 'EUR', value: '5.00'}}];
			t.customerBill.remainingAmount = {unit: 'EUR', value: 48.7};
		});
		const mapped = map(partly);
		if (!mapped.ok) throw new Error(JSON.stringify(mapped.errors));
		expect(mapped.bill.amountDue).toBe(6870);
		expect(mapped.bill.lineItems.reduce((sum, item) => sum + item.amount, 0)).toBe(6870);
		expect(mapped.bill.payment).toEqual({
			status: 'due',
			amountPaid: 2000,
			payUrl: 'https://pay.example.com/checkout?bill=INV-2026-11-0042&amount=48.70',
		});
		// remainingAmount alone says as much.
		const remainingOnly = changed(tmf678V4Sample, (t) => {
			t.customerBill.remainingAmount = {unit: 'EUR', value: 48.7};
		});
		expect(map(remainingOnly)).toMatchObject({ok: true, bill: {payment: {amountPaid: 2000}}});
	});

	it('refuses a remainingAmount that contradicts the payments or exceeds the bill, and a settled bill with money left', () => {
		const partly = changed(tmf678V4Sample, (t) => {
			t.customerBill.appliedPayment = [{appliedAmount: {unit: 'EUR', value: 20}}];
			t.customerBill.remainingAmount = {unit: 'EUR', value: 48.7};
		});
		const overpaid = changed(tmf678V4Sample, (t) => {
			t.customerBill.appliedPayment = [{appliedAmount: {unit: 'EUR', value: 80}}];
			delete t.customerBill.remainingAmount;
		});
		expect(errorsOf(overpaid)).toEqual([
			{path: 'tmf678.customerBill.appliedPayment', message: "leaves -11.30 EUR of 68.70 EUR to pay: what remains must lie between nothing and the bill's amountDue"},
		]);
		const contradicting = changed(partly, (t) => {
			t.customerBill.remainingAmount = {unit: 'EUR', value: 68.7};
		});
		expect(errorsOf(contradicting)).toEqual([
			{path: 'tmf678.customerBill.remainingAmount', message: 'must be amountDue less the appliedPayment amounts (48.70 EUR), but is 68.70 EUR'},
		]);
		const settledOwing = changed(tmf678V4Sample, (t) => {
			t.customerBill.state = 'settled';
		});
		expect(errorsOf(settledOwing)).toEqual([{path: 'tmf678.customerBill.state', message: 'is settled, but 68.70 EUR remains to be paid'}]);
	});

	it('a partiallyPaid state must agree with the payments: some paid, some left', () => {
		const partiallyPaid = (change: (tmf: Tmf678) => void) =>
			changed(tmf678V4Sample, (t) => {
				t.customerBill.state = 'partiallyPaid';
				change(t);
			});
		const unsaid = partiallyPaid((t) => {
			delete t.customerBill.remainingAmount;
			delete t.customerBill.appliedPayment;
		});
		expect(errorsOf(unsaid)).toEqual([
			{path: 'tmf678.customerBill.state', message: 'is partiallyPaid, but neither appliedPayment nor remainingAmount says how much was paid'},
		]);
		expect(errorsOf(partiallyPaid((t) => (t.customerBill.remainingAmount = {unit: 'EUR', value: 0})))).toEqual([
			{path: 'tmf678.customerBill.state', message: 'is partiallyPaid, but nothing remains to be paid'},
		]);
		expect(errorsOf(partiallyPaid((t) => (t.customerBill.appliedPayment = [{appliedAmount: {unit: 'EUR', value: 0}}])))).toEqual([
			{path: 'tmf678.customerBill.state', message: 'is partiallyPaid, but all of it remains to be paid'},
		]);
		expect(map(partiallyPaid((t) => (t.customerBill.remainingAmount = {unit: 'EUR', value: 48.7})))).toMatchObject({
			ok: true,
			bill: {payment: {status: 'due', amountPaid: 2000}},
		});
	});

	it('a bill paid by direct debit is collected by the operator: nothing to pay, no pay link, no checkout template needed', () => {
		for (const paymentMethod of [
			{id: 'PM-1', '@referredType': 'BankAccountDebit'},
			{id: 'PM-1', '@referredType': 'bankAccountDebit', name: 'SEPA mandate'},
			{id: 'PM-1', '@type': 'DirectDebit'},
		]) {
			const debited = changed(tmf678V4Sample, (t) => (t.customerBill.paymentMethod = paymentMethod));
			expect(map(debited, {checkoutUrlTemplate: undefined})).toMatchObject({ok: true, bill: {amountDue: 6870, payment: {status: 'autopay'}}});
			const partly = changed(debited, (t) => (t.customerBill.remainingAmount = {unit: 'EUR', value: 48.7}));
			expect(map(partly, {checkoutUrlTemplate: undefined})).toMatchObject({ok: true, bill: {payment: {status: 'autopay'}}});
		}
		// A card on file may or may not be charged by itself: the customer is still asked, as before.
		const card = changed(tmf678V4Sample, (t) => (t.customerBill.paymentMethod = {id: 'PM-2', '@referredType': 'BankCard'}));
		expect(map(card)).toMatchObject({ok: true, bill: {payment: {status: 'due', payUrl: expect.any(String)}}});
		// Nothing is collected from a bill that owes nothing.
		const settled = changed(tmf678V4Sample, (t) => {
			t.customerBill.paymentMethod = {'@referredType': 'BankAccountDebit'};
			t.customerBill.remainingAmount = {unit: 'EUR', value: 0};
		});
		expect(map(settled)).toMatchObject({ok: true, bill: {payment: {status: 'paid'}}});
	});

	it('a bill to pay needs the tenant checkout URL template', () => {
		expect(errorsOf(tmf678V4Sample, {checkoutUrlTemplate: undefined})).toEqual([
			{path: 'tmf678', message: expect.stringMatching(/no checkoutUrlTemplate/)},
		]);
	});
});

describe('tmf678ToBill names the TMF field it cannot map', () => {
	it('money with more decimals than the currency, or in another currency', () => {
		const tmf = changed(tmf678V4Sample, (t) => {
			t.customerBill.amountDue = {unit: 'EUR', value: 68.705};
			t.appliedCustomerBillingRate[1]!.taxIncludedAmount = {unit: 'USD', value: 5.4};
		});
		expect(errorsOf(tmf)).toEqual([{path: 'tmf678.customerBill.amountDue.value', message: expect.stringMatching(/more decimals than EUR allows \(2\)/)}]);
		const otherCurrency = changed(tmf678V4Sample, (t) => {
			t.appliedCustomerBillingRate[1]!.taxIncludedAmount = {unit: 'USD', value: 5.4};
			t.customerBill.taxItem![0]!.taxAmount.value = '11.4x';
		});
		expect(errorsOf(otherCurrency)).toEqual([
			{path: 'tmf678.appliedCustomerBillingRate[1].taxIncludedAmount.unit', message: "must be EUR like the bill's amountDue: a bill has one currency"},
			{path: 'tmf678.customerBill.taxItem[0].taxAmount.value', message: expect.stringMatching(/must be a decimal number/)},
		]);
		expect(errorsOf(changed(tmf678V4Sample, (t) => void (t.customerBill.amountDue.unit = 'EURO')))).toEqual([
			{path: 'tmf678.customerBill.amountDue.unit', message: 'must be an ISO 4217 currency code such as EUR'},
		]);
	});

	it('rates that do not add up to amountDue, or an amountDue that is not the bill total', () => {
		const tmf = changed(tmf678V4Sample, (t) => {
			t.appliedCustomerBillingRate[0]!.taxIncludedAmount = {unit: 'EUR', value: 35};
			t.appliedCustomerBillingRate[0]!.taxExcludedAmount = {unit: 'EUR', value: 29.5};
		});
		expect(errorsOf(tmf)).toEqual([
			{
				path: 'tmf678.customerBill.amountDue',
				message:
					'must equal what the billed rates add up to (68.90 EUR with tax included, or 69.20 EUR as taxExcludedAmount plus taxItem), but is 68.70 EUR: every amount on the bill must be explained',
			},
		]);
		const carried = changed(tmf678V4Sample, (t) => {
			t.customerBill.taxIncludedAmount = {unit: 'EUR', value: 60};
		});
		expect(errorsOf(carried)).toEqual([{path: 'tmf678.customerBill.amountDue', message: expect.stringMatching(/^must equal taxIncludedAmount \(60\.00 EUR\)/)}]);
	});

	it('falls back to tax-excluded prices when tax-included ones are missing, and says when neither is complete', () => {
		const netOnly = changed(tmf678V4Sample, (t) => {
			delete t.appliedCustomerBillingRate[2]!.taxIncludedAmount;
		});
		const mapped = map(netOnly);
		expect(mapped.ok && mapped.bill.lineItems.at(-1)).toEqual({category: 'taxes', label: 'VAT', amount: 1145});
		const neither = changed(netOnly, (t) => {
			delete t.appliedCustomerBillingRate[3]!.taxExcludedAmount;
		});
		expect(errorsOf(neither)).toEqual([
			{path: 'tmf678.appliedCustomerBillingRate[2].taxIncludedAmount', message: expect.stringMatching(/unless every billed rate has a taxExcludedAmount/)},
		]);
	});

	it('a rate of another bill', () => {
		const tmf = changed(tmf678V4Sample, (t) => {
			t.appliedCustomerBillingRate[3]!.bill = {id: 'CB-OTHER'};
		});
		expect(errorsOf(tmf)).toEqual([
			{path: 'tmf678.appliedCustomerBillingRate[3].bill.id', message: "must be the customer bill's id (CB-2026-11-0042): this rate belongs to another bill"},
		]);
	});

	it('shows a rate without a name under its category name, with a warning', () => {
		const tmf = changed(tmf678V4Sample, (t) => {
			delete t.appliedCustomerBillingRate[2]!.name;
		});
		const mapped = map(tmf, {locale: 'it-IT'});
		if (!mapped.ok) throw new Error(JSON.stringify(mapped.errors));
		expect(mapped.bill.lineItems[2]).toEqual({category: 'roaming', label: 'Roaming', amount: 1830});
		expect(mapped.warnings).toEqual([{path: 'tmf678.appliedCustomerBillingRate[2].name', message: 'is missing, so the line is labelled "Roaming": the customer sees a line\'s name'}]);
	});

	it('no bill receiver, or one without a name', () => {
		const noReceiver = changed(tmf678V5Sample, (t) => {
			t.customerBill.relatedParty = t.customerBill.relatedParty.slice(1);
		});
		expect(errorsOf(noReceiver)).toEqual([{path: 'tmf678.customerBill.relatedParty', message: expect.stringMatching(/role BillReceiver \(or Customer\)/)}]);
		const nameless = changed(tmf678V5Sample, (t) => {
			delete t.customerBill.relatedParty[0]!.partyOrPartyRole!.name;
		});
		expect(errorsOf(nameless)).toEqual([
			{path: 'tmf678.customerBill.relatedParty[0].partyOrPartyRole.name', message: "is required: the bill receiver's name greets the customer"},
		]);
	});

	it('what the bill schema refuses, named by the TMF field it came from', () => {
		const tmf = changed(tmf678V4Sample, (t) => {
			t.customerBill.relatedParty[0]!.id = 'CUST 100482/a';
			t.customerBill.billingPeriod = {startDateTime: '2026-10-01T00:00:00Z', endDateTime: '2026-09-30T00:00:00Z'};
			t.appliedCustomerBillingRate[4]!.name = 'x'.repeat(201);
		});
		expect(errorsOf(tmf).map((error) => error.path)).toEqual([
			'tmf678.customerBill.relatedParty[0].id',
			'tmf678.customerBill.billingPeriod.endDateTime',
			'tmf678.appliedCustomerBillingRate[4]',
		]);
	});

	it('a bill without a billing period is the bill of its billDate, with a warning unless it is offCycle', () => {
		const periodless = (runType: string) =>
			map(
				changed(tmf678V4Sample, (t) => {
					delete t.customerBill.billingPeriod;
					t.customerBill.runType = runType;
				}),
			);
		expect(periodless('offCycle')).toMatchObject({ok: true, bill: {period: {start: '2026-11-03', end: '2026-11-03'}}, warnings: []});
		expect(periodless('onCycle')).toMatchObject({
			ok: true,
			bill: {period: {start: '2026-11-03', end: '2026-11-03'}},
			warnings: [{path: 'tmf678.customerBill.billingPeriod', message: expect.stringMatching(/^is missing on a bill that is not offCycle/)}],
		});
	});

	it('leaves out, with a warning, a bill PDF whose link a browser cannot open, instead of refusing the bill', () => {
		for (const url of ['/documents/INV-2026-11-0042.pdf', 'urn:doc:INV-2026-11-0042', 'ftp://files.example/bill.pdf']) {
			const mapped = map(changed(tmf678V4Sample, (t) => (t.customerBill.billDocument = [{url, mimeType: 'application/pdf'}])));
			if (!mapped.ok) throw new Error(JSON.stringify(mapped.errors));
			expect(mapped.bill.billPdfUrl).toBeUndefined();
			expect(mapped.warnings).toEqual([{path: 'tmf678.customerBill.billDocument[0].url', message: expect.stringMatching(/^is not an http\(s\) URL .*no bill PDF$/)}]);
		}
	});

	it('warns that a bill document named only by href (a TMF AttachmentRef) gives the video no PDF, unless another one does', () => {
		const attachmentRef = {id: 'doc-42', href: 'https://api.onda.example/tmf-api/document/v4/document/doc-42', name: 'INV-2026-11-0042.pdf'};
		const refOnly = map(changed(tmf678V4Sample, (t) => (t.customerBill.billDocument = [attachmentRef])));
		if (!refOnly.ok) throw new Error(JSON.stringify(refOnly.errors));
		expect(refOnly.bill.billPdfUrl).toBeUndefined();
		expect(refOnly.warnings).toEqual([
			{path: 'tmf678.customerBill.billDocument[0].url', message: 'is missing (a document named only by href, as a TMF AttachmentRef, is not fetched): the video offers no bill PDF'},
		]);
		const withPdf = map(changed(tmf678V4Sample, (t) => (t.customerBill.billDocument = [attachmentRef, {url: 'https://docs.onda.example/INV-2026-11-0042.pdf'}])));
		expect(withPdf).toMatchObject({ok: true, bill: {billPdfUrl: 'https://docs.onda.example/INV-2026-11-0042.pdf'}, warnings: []});
	});
});

describe('tmf678Schema', () => {
	it('names the missing or malformed TMF field', () => {
		const tmf = changed(tmf678V4Sample, (t) => {
			t.customerBill.billingPeriod!.startDateTime = '01/10/2026';
			delete (t.customerBill as Partial<Tmf678['customerBill']>).billNo;
			t.customerBill.amountDue = {unit: 'EUR', value: null as unknown as number};
		});
		const result = tmf678Schema.safeParse(tmf);
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
			['customerBill.billNo', 'is required: the bill number the customer sees'],
			['customerBill.billingPeriod.startDateTime', 'must be an ISO 8601 date-time such as 2026-11-03T00:00:00Z'],
			['customerBill.amountDue.value', 'must be a decimal number such as 68.40'],
		]);
	});

	it('checks the time of day and offset of a date-time, and calls a missing one missing', () => {
		const withDates = (dates: Partial<Record<'billDate' | 'paymentDueDate', string | undefined>>) =>
			tmf678Schema.safeParse(changed(tmf678V4Sample, (t) => Object.assign(t.customerBill, dates))).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
		for (const billDate of ['2026-11-01T25:00:00Z', '2026-11-01T10:61:00Z', '2026-11-01T10:00:61Z', '2026-11-01T10:00:00+25:00', '2026-11-31T10:00:00Z']) {
			expect(withDates({billDate})).toEqual([['customerBill.billDate', 'must be an ISO 8601 date-time such as 2026-11-03T00:00:00Z']]);
		}
		for (const billDate of ['2026-11-01', '2026-11-01T23:59', '2026-11-01T23:59:60Z', '2026-11-01T00:30:00.123+01:00', '2026-11-01T00:30:00+0100']) {
			expect(withDates({billDate})).toBeUndefined();
		}
		// zod's own message would be "Invalid input: expected string, received undefined"; the API says it as it does elsewhere.
		expect(withDates({paymentDueDate: undefined})).toEqual([['customerBill.paymentDueDate', 'is required']]);
	});

	it('names paymentDueDate when the bill is due before its billDate', () => {
		const early = changed(tmf678V4Sample, (t) => Object.assign(t.customerBill, {billDate: '2026-11-03T00:00:00Z', paymentDueDate: '2026-11-02T23:00:00Z'}));
		expect(errorsOf(early)).toEqual([{path: 'tmf678.customerBill.paymentDueDate', message: "must not be before the bill's issue date (2026-11-03)"}]);
	});

	it('takes a tax rate however a system writes it: billcast reads only the tax amount', () => {
		const rated = changed(tmf678V4Sample, (t) => (t.customerBill.taxItem = [{taxCategory: 'VAT', taxRate: '21.0', taxAmount: {unit: 'EUR', value: 11.45}}]));
		expect(tmf678Schema.safeParse(rated).success).toBe(true);
	});
});
