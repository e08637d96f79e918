import {describe, expect, it} from 'vitest';
import {signWatchToken, verifyWatchToken} from '../../server/watch/watch-token';

const secret = 'a-test-secret-that-is-long-enough-for-hmac';
const now = new Date('2026-11-22T12:00:00Z');

describe('watch tokens', () => {
	it('verify for the render they were signed for, until they expire', () => {
		const token = signWatchToken({secret, renderId: 'default_CUST-1_2026-10-31_abc', ttlDays: 60, now});
		expect(verifyWatchToken({secret, token, now})).toMatchObject({status: 'valid', renderId: 'default_CUST-1_2026-10-31_abc'});
		const later = new Date(now.getTime() + 61 * 86_400_000);
		expect(verifyWatchToken({secret, token, now: later})).toEqual({status: 'expired'});
	});

	it('are invalid when any part is changed or signed with another secret', () => {
		const token = signWatchToken({secret, renderId: 'r.with.dots', ttlDays: 1, now});
		const [id, expiry, signature] = [token.slice(0, token.lastIndexOf('.', token.lastIndexOf('.') - 1)), ...token.split('.').slice(-2)];
		expect(id).toBe('r.with.dots');
		expect(verifyWatchToken({secret, token: `other.${expiry}.${signature}`, now}).status).toBe('invalid');
		expect(verifyWatchToken({secret, token: `${id}.${Number(expiry) + 86_400}.${signature}`, now}).status).toBe('invalid');
		expect(verifyWatchToken({secret: `${secret}!`, token, now}).status).toBe('invalid');
		expect(verifyWatchToken({secret, token: 'garbage', now}).status).toBe('invalid');
	});

	it('report a forged token as invalid even when its expiry has passed', () => {
		const past = new Date(now.getTime() - 10 * 86_400_000);
		const token = signWatchToken({secret: 'another-secret-another-secret-xx', renderId: 'r', ttlDays: 1, now: past});
		expect(verifyWatchToken({secret, token, now}).status).toBe('invalid');
	});
});
