import {describe, expect, it} from 'vitest';
import {fieldErrorsFromZod} from '../../server/platform/zod-field-errors';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {telcoBillSchema, type TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {telcoScript} from '../../src/templates/telco-bill/telco-script';

const withUsage = (bill: TelcoBill, usage: TelcoBill['usage']): TelcoBill => ({...bill, usage});

const shown = (bill: TelcoBill) => telcoScript(bill).usage.meters.map(({key, used, allowance, over}) => ({key, used, allowance, over}));

describe('usage a little over or under its allowance', () => {
	it('shows the used amount apart from the allowance, at two decimals where one would round them together', () => {
		expect(shown(withUsage(sampleTelcoBill, {data: {used: 30.04, allowance: 30}}))).toEqual([{key: 'data', used: '30.04 GB', allowance: '30 GB', over: true}]);
		expect(shown(withUsage(sampleTelcoBill, {data: {used: 1.04, allowance: 1}}))).toEqual([{key: 'data', used: '1.04 GB', allowance: '1 GB', over: true}]);
		expect(shown(withUsage(telcoFixtures['it-IT'], {data: {used: 29.96, allowance: 30}}))).toEqual([{key: 'data', used: '29,96 GB', allowance: '30 GB', over: false}]);
	});

	it('shows amounts closer than a tenth at up to three decimals, on the side of the allowance they are', () => {
		expect(shown(withUsage(sampleTelcoBill, {data: {used: 30.001, allowance: 30}, sms: {used: 0, allowance: 0}}))).toEqual([
			{key: 'data', used: '30.001 GB', allowance: '30 GB', over: true},
			{key: 'sms', used: '0', allowance: '0', over: false},
		]);
		expect(shown(withUsage(sampleTelcoBill, {data: {used: 29.999, allowance: 30}}))[0]).toMatchObject({used: '29.999 GB', over: false});
	});

	it('keeps one decimal when it already tells them apart', () => {
		expect(shown(withUsage(sampleTelcoBill, {data: {used: 23.44, allowance: 30}}))[0]).toMatchObject({used: '23.4 GB', allowance: '30 GB'});
	});
});

describe('the tip when several meters went over', () => {
	const usage = {data: {used: 1.04, allowance: 1}, minutes: {used: 312, allowance: 300}, sms: {used: 41, allowance: 500}};
	it.each([
		['en-GB', 'You went over your Data and Minutes allowances: a bigger plan could cost less.'],
		['it-IT', 'Hai superato le soglie di Dati e Minuti: un piano più ampio potrebbe costarti meno.'],
		['ko-KR', '데이터 및 통화 제공량을 모두 초과하셨습니다. 더 큰 요금제가 더 저렴할 수 있습니다.'],
	] as const)('names every one of them in %s', (locale, tip) => {
		expect(telcoScript(withUsage(telcoFixtures[locale], usage)).usage.tip).toBe(tip);
	});

	it('names the one alone as before', () => {
		expect(telcoScript(withUsage(sampleTelcoBill, {...usage, data: {used: 0.9, allowance: 1}})).usage.tip).toBe(
			'You went over your Minutes allowance: a bigger plan could cost less.',
		);
	});
});

describe('a meter with nothing included (pay per use)', () => {
	it('is accepted, and any use of it is over, drawn as a full bar', () => {
		const bill = withUsage(sampleTelcoBill, {minutes: {used: 12, allowance: 0}, sms: {used: 0, allowance: 0}});
		expect(telcoBillSchema.safeParse(bill).success).toBe(true);
		const [minutes, sms] = telcoScript(bill).usage.meters;
		expect(minutes).toMatchObject({used: '12', allowance: '0', fraction: 1, over: true});
		expect(sms).toMatchObject({fraction: 0, over: false});
		expect(telcoScript(bill).usage.tip).toBe('You went over your Minutes allowance: a bigger plan could cost less.');
	});
});

describe('minutes and texts are whole numbers', () => {
	const errors = (usage: unknown) => fieldErrorsFromZod(telcoBillSchema.safeParse({...sampleTelcoBill, usage}).error!);
	it('refuses a fraction of a text or a minute, naming the field', () => {
		expect(errors({sms: {used: 0.4, allowance: 1}})).toEqual([{path: 'usage.sms.used', message: 'must be a whole number of texts'}]);
		expect(errors({minutes: {used: 10, allowance: 99.5}})).toEqual([{path: 'usage.minutes.allowance', message: 'must be a whole number of minutes'}]);
		expect(errors({data: {used: -1, allowance: 30}})).toEqual([{path: 'usage.data.used', message: 'must be zero or more gigabytes'}]);
	});

	it('still takes gigabytes with decimals', () => {
		expect(telcoBillSchema.safeParse(withUsage(sampleTelcoBill, {data: {used: 0.4, allowance: 0.5}})).success).toBe(true);
	});
});
