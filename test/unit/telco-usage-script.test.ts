import {describe, expect, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {telcoScript} from '../../src/templates/telco-bill/telco-script';

describe('the usage meters', () => {
	it('give an unlimited allowance no share used, so its bar is not drawn as one used up', () => {
		const {meters} = telcoScript({...sampleTelcoBill, usage: {minutes: {used: 312, allowance: null}, data: {used: 45, allowance: 30}, sms: {used: 41, allowance: 500}}}).usage;
		expect(meters.map(({key, allowance, fraction, over}) => ({key, allowance, fraction, over}))).toEqual([
			{key: 'data', allowance: '30 GB', fraction: 1, over: true},
			{key: 'minutes', allowance: 'unlimited', fraction: null, over: false},
			{key: 'sms', allowance: '500', fraction: 41 / 500, over: false},
		]);
	});
});
