import {describe, expect, it} from 'vitest';
import {payUrlPolicyError} from '../../server/tenants/pay-url-policy';
import {DEV_TENANT as DEFAULT_TENANT} from '../../server/tenants/tenant-registry';

describe('pay URL policy', () => {
	it('allows https on the tenant hosts only', () => {
		expect(payUrlPolicyError(DEFAULT_TENANT, 'https://pay.example.com/checkout')).toBeUndefined();
		expect(payUrlPolicyError(DEFAULT_TENANT, undefined)).toBeUndefined();
		expect(payUrlPolicyError(DEFAULT_TENANT, 'https://evil.example/pay')?.path).toBe('bill.payment.payUrl');
		expect(payUrlPolicyError(DEFAULT_TENANT, 'http://pay.example.com/checkout')?.message).toMatch(/https/);
	});

	it('allows plain http only for a host the tenant names for testing, with its port', () => {
		const tenant = {...DEFAULT_TENANT, httpPayHostsForTesting: ['127.0.0.1:4000']};
		expect(payUrlPolicyError(tenant, 'http://127.0.0.1:4000/checkout')).toBeUndefined();
		expect(payUrlPolicyError(tenant, 'http://127.0.0.1:4001/checkout')).toBeDefined();
		expect(payUrlPolicyError(DEFAULT_TENANT, 'http://127.0.0.1:4000/checkout')).toBeDefined();
	});
});
