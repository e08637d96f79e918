import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {tmf678V4Sample} from '../../src/fixtures/tmf678-v4-sample';
import {categoryOfRate, sectionKey, wordsOf, type SectionMap} from '../../src/tmf678/tmf678-category';
import {tmf678Schema, type TmfAppliedBillingRate} from '../../src/tmf678/tmf678-schema';
import {tmf678ToTelcoBill} from '../../src/tmf678/tmf678-to-bill';
import {loadTenantRegistry} from '../../server/tenants/tenant-registry';

const bySection = (value: string, {negative = false, sectionMap = {}}: {negative?: boolean; sectionMap?: SectionMap} = {}) =>
	categoryOfRate({rate: {characteristic: [{name: 'invoiceSection', value}]}, sectionMap, negative}).category;

const byType = (type: string, negative = false) => categoryOfRate({rate: {appliedBillingRateType: type}, sectionMap: {}, negative}).category;

describe('sections and rate types are matched on words', () => {
	it('splits camelCase, hyphens, underscores and spaces, without case or accents', () => {
		expect(wordsOf('appliedBillingChargeProductRecurringCharge')).toEqual(['applied', 'billing', 'charge', 'product', 'recurring', 'charge']);
		expect(wordsOf('SMSBundle_extra-Data  plan')).toEqual(['sms', 'bundle', 'extra', 'data', 'plan']);
		expect(wordsOf('Attività')).toEqual(['attivita']);
		expect(wordsOf('기본료 할인')).toEqual(['기본료', '할인']);
		expect(sectionKey('Device Instalments')).toBe(sectionKey('device_instalment'));
	});

	it.each([
		['Subscriptions', 'plan'],
		['subscription', 'plan'],
		['Monthly fee', 'plan'],
		['Usage', 'addons'],
		['Add-ons', 'addons'],
		['addOn', 'addons'],
		['Discounts', 'credits'],
		['Credits', 'credits'],
		['One-off charges', 'one_off'],
		['one time', 'one_off'],
		['Late payment fees', 'one_off'],
		['Penalties', 'one_off'],
		['Device instalments', 'devices'],
		['Equipment', 'devices'],
		['Roaming usage', 'roaming'],
		['Taxes', 'taxes'],
		['VAT', 'taxes'],
		['Usage discount', 'credits'],
		['Abbonamento', 'plan'],
		['Canoni', 'plan'],
		['Traffico', 'addons'],
		['Sconto', 'credits'],
		['Costi una tantum', 'one_off'],
		['Imposte', 'taxes'],
		['기본료', 'plan'],
		['통화료', 'addons'],
		['할인', 'credits'],
		['기본료할인', 'credits'],
		['단말기 할부금', 'devices'],
		['부가세', 'taxes'],
	] as const)('section %s is %s', (section, category) => {
		expect(bySection(section)).toBe(category);
	});

	it('reads v4 and v5 rate types, composite ones too', () => {
		expect(byType('appliedBillingChargeProductRecurringCharge')).toBe('plan');
		expect(byType('appliedBillingChargeProductUsageCharge')).toBe('addons');
		expect(byType('appliedBillingCreditProductAlteration', true)).toBe('credits');
		expect(byType('appliedBillingCredit')).toBe('credits');
		expect(byType('appliedPenaltyCharge')).toBe('one_off');
		expect(byType('recurringCharge')).toBe('plan');
		expect(byType('oneTimeCharge')).toBe('one_off');
	});

	it('a price alteration is a credit only when it lowers the bill', () => {
		expect(byType('appliedBillingChargeProductAlteration', true)).toBe('credits');
		expect(byType('appliedBillingChargeProductAlteration', false)).toBe('other');
	});

	it('a word inside another word does not count: "data" is not in "update"', () => {
		expect(bySection('Update')).toBe('other');
	});
});

describe('what cannot be told goes to Other charges with a warning naming the field', () => {
	it('an unknown section placed by its type, an unknown section and type, no section and a generic type', () => {
		const rate = (extra: Partial<TmfAppliedBillingRate>): TmfAppliedBillingRate => ({name: 'x', ...extra});
		expect(
			categoryOfRate({rate: rate({appliedBillingRateType: 'recurringCharge', characteristic: [{name: 'colour', value: 'blue'}, {name: 'invoice_section', value: 'Snacks'}]}), sectionMap: {}, negative: false}),
		).toEqual({category: 'plan', warning: {field: 'characteristic[1].value', message: expect.stringMatching(/"Snacks" is not one billcast knows, so the line was placed by its appliedBillingRateType "recurringCharge"/)}});
		expect(categoryOfRate({rate: rate({type: 'appliedBillingCharge', characteristic: [{name: 'invoiceSection', value: 'Snacks'}]}), sectionMap: {}, negative: false})).toEqual({
			category: 'other',
			warning: {field: 'characteristic[0].value', message: expect.stringMatching(/"Snacks" is not one billcast knows, so the line is shown under "Other charges"/)},
		});
		expect(categoryOfRate({rate: rate({type: 'appliedBillingCharge'}), sectionMap: {}, negative: false})).toEqual({
			category: 'other',
			warning: {field: 'type', message: expect.stringMatching(/^"appliedBillingCharge" does not say which section/)},
		});
		expect(categoryOfRate({rate: rate({}), sectionMap: {}, negative: false}).warning?.field).toBe('characteristic');
	});

	it('the tenant sectionMap wins over the built-in words, matched by words', () => {
		const sectionMap = {[sectionKey('Servizi extra')]: 'addons', [sectionKey('Plan')]: 'devices'} as const;
		expect(bySection('SERVIZI_EXTRA', {sectionMap})).toBe('addons');
		expect(bySection('plans', {sectionMap})).toBe('devices');
		expect(bySection('Servizi extra')).toBe('other');
	});

	it('the bill keeps the line under its own name in Other charges, still adding up, and the mapping carries the warning', () => {
		const tmf = tmf678Schema.parse(structuredClone(tmf678V4Sample));
		tmf.appliedCustomerBillingRate[1]!.characteristic = [{name: 'invoiceSection', value: 'Servizi speciali'}];
		const brand: TelcoBill['brand'] = {name: 'Aurora Mobile', primaryColor: '#4B2BD6'};
		const mapped = tmf678ToTelcoBill({tmf, locale: 'en-GB', brand, checkoutUrlTemplate: 'https://pay.example.com/c?b={billNo}'});
		if (!mapped.ok) throw new Error(JSON.stringify(mapped.errors));
		expect(mapped.bill.lineItems[1]).toEqual({category: 'other', label: 'Extra 10 GB', amount: 540});
		expect(mapped.warnings).toEqual([{path: 'tmf678.appliedCustomerBillingRate[1].characteristic[0].value', message: expect.stringContaining('sectionMap')}]);
		const withMap = tmf678ToTelcoBill({tmf, locale: 'en-GB', brand, checkoutUrlTemplate: 'https://pay.example.com/c?b={billNo}', sectionMap: {[sectionKey('servizi speciali')]: 'addons'}});
		expect(withMap).toMatchObject({ok: true, warnings: []});
		if (withMap.ok) expect(withMap.bill.lineItems[1]?.category).toBe('addons');
	});
});

describe('a tenant sectionMap in the tenants file', () => {
	it('is keyed by words, and names an unknown category by its path', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'billcast-sectionmap-'));
		try {
			const file = join(dir, 'tenants.json');
			const tenant = {id: 'onda', name: 'Onda', apiKeySha256: ['a'.repeat(64)], allowedPayHosts: ['pay.example.com']};
			await writeFile(file, JSON.stringify([{...tenant, sectionMap: {'Servizi Extra': 'addons'}}]));
			const sectionMap = loadTenantRegistry({file, production: true}).byId('onda')?.sectionMap;
			expect(sectionMap).toEqual({serviziextra: 'addons'});
			expect(bySection('servizi_extra', {sectionMap: sectionMap!})).toBe('addons');
			await writeFile(file, JSON.stringify([{...tenant, sectionMap: {Snacks: 'food'}}]));
			expect(() => loadTenantRegistry({file, production: true})).toThrow(/\[0\]\.sectionMap\.Snacks: .*"addons"/);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});
});
