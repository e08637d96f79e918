import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {OutboundAddressError} from '../../server/platform/outbound-guard';
import type {WebhookDelivery} from '../../server/webhooks/webhook-deliveries';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {startTestStack, type TestStack} from '../helpers/test-stack';

/** Runs with the development switch on (loopback allowed), so what is refused here is refused in production too. */
describe('a tenant cannot make the service reach its network', () => {
	let stack: TestStack;
	beforeAll(async () => {
		stack = await startTestStack({
			redisUrl: inject('redisUrl'),
			serveUrl: inject('serveUrl'),
			withWorker: false,
			// Cloud metadata: what a webhook URL must never reach, whatever its spelling.
			tenant: {webhook: {url: 'http://169.254.169.254/latest/meta-data/', secret: `whsec_${randomBytes(24).toString('hex')}`}},
			webhookRetryBaseMs: 50,
		});
	});
	afterAll(() => stack.close());

	it('records a webhook delivery to a metadata address as refused, without connecting', async () => {
		const submitted = await fetch(`${stack.baseUrl}/v1/renders`, {
			method: 'POST',
			headers: {...stack.auth, 'content-type': 'application/json'},
			body: JSON.stringify({template: 'telco-bill', bill: sampleTelcoBill}),
		});
		expect(submitted.status).toBe(202);
		const token = ((await submitted.json()) as {links: {watch: string}}).links.watch.split('/w/')[1]!;
		const clicked = await fetch(`${stack.baseUrl}/v1/watch/${token}/events`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: '{"type":"pay_clicked","hotspot":"pay"}'});
		expect(clicked.status).toBe(204);
		await expect
			.poll(
				async () => {
					const list = (await (await fetch(`${stack.baseUrl}/v1/webhooks/deliveries`, {headers: stack.auth})).json()) as {deliveries: WebhookDelivery[]};
					return list.deliveries[0]?.attempts[0];
				},
				{timeout: 15_000, interval: 100},
			)
			.toMatchObject({type: 'error', error: new OutboundAddressError('').message});
	});

	it('refuses a logo on a loopback or private address at submit time, in any spelling', async () => {
		for (const logoUrl of ['https://2130706433/logo.png', 'https://0x7f.1/logo.png', 'https://[::1]/logo.png', 'https://10.0.0.7/logo.png', 'https://169.254.169.254/logo.png']) {
			const response = await fetch(`${stack.baseUrl}/v1/renders`, {
				method: 'POST',
				headers: {...stack.auth, 'content-type': 'application/json'},
				body: JSON.stringify({template: 'telco-bill', bill: {...sampleTelcoBill, brand: {...sampleTelcoBill.brand, logoUrl}}}),
			});
			expect(response.status, logoUrl).toBe(422);
			expect(await response.json()).toMatchObject({errors: [{path: 'bill.brand.logoUrl'}]});
		}
	});
});
