import {createHmac} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {signWebhook, verifyWebhookSignature} from '../../server/webhooks/webhook-signature';

const secret = 'whsec_a-test-secret-that-is-long-enough';
const now = new Date('2026-11-22T12:00:00Z');
const body = JSON.stringify({id: 'evt_1', type: 'render.completed', createdAt: now.toISOString(), data: {}});

describe('webhook signatures', () => {
	it('are t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">, as the README tells receivers', () => {
		const t = Math.floor(now.getTime() / 1000);
		const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
		expect(signWebhook({secret, body, now})).toBe(`t=${t},v1=${v1}`);
	});

	it('verify for the same body and secret within the tolerance, and expire after it', () => {
		const header = signWebhook({secret, body, now});
		expect(verifyWebhookSignature({secret, header, body, now})).toEqual({status: 'valid', timestamp: now.getTime() / 1000});
		const later = new Date(now.getTime() + 301_000);
		expect(verifyWebhookSignature({secret, header, body, now: later}).status).toBe('expired');
	});

	it('are invalid when the body, the time or the secret changes, or the header is malformed', () => {
		const header = signWebhook({secret, body, now});
		const v1 = header.split(',v1=')[1];
		expect(verifyWebhookSignature({secret, header, body: body.replace('evt_1', 'evt_2'), now}).status).toBe('invalid');
		expect(verifyWebhookSignature({secret, header: `t=${now.getTime() / 1000 + 1},v1=${v1}`, body, now}).status).toBe('invalid');
		expect(verifyWebhookSignature({secret: `${secret}!`, header, body, now}).status).toBe('invalid');
		for (const broken of [undefined, '', 'garbage', `v1=${v1}`, `t=1,t=2,v1=${v1}`, `${header.slice(0, -2)}`]) {
			expect(verifyWebhookSignature({secret, header: broken, body, now}).status).toBe('invalid');
		}
	});

	it('accept any matching v1, so a secret can be rotated', () => {
		const header = signWebhook({secret, body, now});
		const other = signWebhook({secret: 'another-secret-another-secret-another', body, now}).split(',')[1];
		expect(verifyWebhookSignature({secret, header: `${header.split(',')[0]},${other},${header.split(',')[1]}`, body, now}).status).toBe('valid');
	});

	it('report a forged signature as invalid even when its time is long past', () => {
		const header = signWebhook({secret: 'another-secret-another-secret-another', body, now: new Date(0)});
		expect(verifyWebhookSignature({secret, header, body, now}).status).toBe('invalid');
	});
});
