import type {LookupAddress} from 'node:dns';
import {afterAll, beforeAll, expect, inject, it} from 'vitest';
import {makeOutboundGuard, type Resolve} from '../../server/platform/outbound-guard';
import {renderJobId} from '../../server/renders/render-queue';
import {shortBill} from '../helpers/short-bill';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';

/**
 * DNS as the worker's logo fetches see it: one logo host down (as in a DNS or CDN outage), one that resolves to a
 * private address, which the outbound guard refuses however often it is asked.
 */
const lookups = new Map<string, number>();
const dns: Resolve = (hostname, _options, callback) => {
	lookups.set(hostname, (lookups.get(hostname) ?? 0) + 1);
	if (hostname === 'logo.private.example') return callback(null, [{address: '10.0.0.7', family: 4} satisfies LookupAddress]);
	callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND'}), []);
};

let stack: TestStack;
const outbound = makeOutboundGuard({policy: {allowLoopback: false}, resolve: dns});

beforeAll(async () => {
	// The stack's render worker with a 200 ms backoff base instead of a minute, and this file's DNS.
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: true, renderWorker: {retryBaseMs: 200, outbound}});
});
afterAll(async () => {
	await stack?.close();
	await outbound.close();
});

const submitWithLogo = async (logoUrl: string): Promise<string> => {
	const bill = {...shortBill, customer: {...shortBill.customer, id: `CUST-LOGO-${new URL(logoUrl).hostname.split('.')[1]}`}, brand: {...shortBill.brand, logoUrl}};
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({template: 'telco-bill', bill, scale: 0.25}),
	});
	expect(response.status).toBe(202);
	return ((await response.json()) as {id: string}).id;
};

it('waits, doubling, between the attempts of a render whose logo host is unreachable, and not for a logo it may never fetch', async () => {
	const down = await submitWithLogo('https://logo.down.example/logo.png');
	const refused = await submitWithLogo('https://logo.private.example/logo.png');
	for (const id of [down, refused]) {
		expect(await waitForRender(stack, id)).toMatchObject({status: 'failed', error: {code: 'render_failed', message: expect.stringMatching(/^The brand logo \(brand\.logoUrl\) could not be loaded/)}});
	}
	expect(Object.fromEntries(lookups)).toEqual({'logo.down.example': 3, 'logo.private.example': 3});
	// The queue's event stream keeps each wait BullMQ scheduled: when the job is due again, from the moment it was put off.
	const entries = await stack.redis.xrange(stack.queue.queue.keys.events!, '-', '+');
	const waitsOf = (id: string) =>
		entries.flatMap(([entryId, fields]) => {
			const event = Object.fromEntries(fields.flatMap((field, index) => (index % 2 === 0 ? [[field, fields[index + 1]!]] : [])));
			return event.event === 'delayed' && event.jobId === renderJobId(id) ? [Number(event.delay) - Number(entryId.split('-')[0])] : [];
		});
	// 200 ms and then 400 ms, each less up to a quarter (the jitter), give or take the few ms between client and Redis clocks.
	const [first, second, ...more] = waitsOf(down);
	expect(more).toEqual([]);
	expect(first).toBeGreaterThanOrEqual(150 - 20);
	expect(first).toBeLessThanOrEqual(200 + 20);
	expect(second).toBeGreaterThanOrEqual(300 - 20);
	expect(second).toBeLessThanOrEqual(400 + 20);
	expect(waitsOf(refused)).toEqual([]);
});
