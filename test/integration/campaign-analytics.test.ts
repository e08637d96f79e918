import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {paymentOf, PHONE_UA, sendCampaign, sendViewerEvent, watchUntil} from '../helpers/campaign';
import {loadOpenApiValidator} from '../helpers/openapi-validator';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
let validate: Awaited<ReturnType<typeof loadOpenApiValidator>>;

beforeAll(async () => {
	// Counting needs the renders' records and links, not their videos: no render worker.
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
	validate = await loadOpenApiValidator(stack.baseUrl);
});
afterAll(async () => {
	await stack?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = stack.auth) =>
	fetch(`${stack.baseUrl}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body: JSON.stringify(body)});
const getJson = async (path: string, headers: Record<string, string> = stack.auth) => {
	const response = await fetch(`${stack.baseUrl}${path}`, {headers});
	return {status: response.status, body: await response.json()};
};

const sendBatch = (prefix: string, count: number, query = '') => sendCampaign(stack, stack.auth, prefix, count, query);
const sendEvent = (token: string, event: Record<string, string>, userAgent?: string) => sendViewerEvent(stack, token, event, userAgent);
const watch = (token: string, until: 'start' | 'breakdown' | 'end', userAgent?: string) => watchUntil(stack, token, until, userAgent);
const payment = paymentOf;
const PHONE = PHONE_UA;

describe('campaign analytics', () => {
	it('count a campaign as its events arrive: funnel, clicks, payments, drop-off, devices, languages, days', async () => {
		const {id, bills} = await sendBatch('FUN', 6);
		const [done, left, payer, twice, , quietPayer] = bills as [(typeof bills)[number], ...(typeof bills)[number][]];
		await watch(done.token, 'end', PHONE);
		await watch(left!.token, 'breakdown');
		await watch(payer!.token, 'end', PHONE);
		await sendEvent(payer!.token, {type: 'hotspot_clicked', hotspot: 'pay', scene: 'due'}, PHONE);
		await sendEvent(payer!.token, {type: 'pay_clicked', hotspot: 'pay', scene: 'due'}, PHONE);
		// A second viewing of the same link is not a second open, and its progress is not counted again.
		await watch(twice!.token, 'breakdown');
		await watch(twice!.token, 'breakdown');
		const paid = await post(`/v1/batches/${id}/payments`, [payment(payer!.billNumber, 6840), payment(quietPayer!.billNumber, 7000)]);
		expect(paid.status).toBe(200);
		// Produced counts renders that finished, once each, however often the store is told.
		const output = {durationInSeconds: 1, frames: 30, fps: 30, width: 320, height: 180, bytes: 1000};
		for (const bill of [done, left, payer]) await stack.store.markCompleted(bill!.renderId, output);
		await stack.store.markCompleted(done.renderId, output);
		// Exporting again hands out the same links: still six exported.
		await fetch(`${stack.baseUrl}/v1/batches/${id}/export.csv`, {headers: stack.auth}).then((r) => r.text());

		const {status, body} = await getJson(`/v1/batches/${id}/analytics`);
		expect(status).toBe(200);
		expect(body.counts).toEqual({renders: 6, produced: 3, exported: 6, opened: 4, reached25: 4, reached50: 2, reached75: 2, completed: 2, payClicked: 1, paid: 2});
		expect(body.funnel.find((step: {step: string}) => step.step === 'opened')).toEqual({step: 'opened', count: 4, ofPrevious: 4 / 6, ofRenders: 4 / 6});
		expect(body.paidAmounts).toEqual([{currency: 'EUR', amount: 13840}]);
		expect(body.hotspotClicks).toEqual({pay: 1});
		// Each render counts where its viewings got furthest: the payer watched to the end before going back to pay.
		expect(Object.fromEntries(body.dropOff.map((d: {scene: string; renders: number}) => [d.scene, d.renders]))).toEqual({close: 2, breakdown: 2});
		expect(body.devices).toEqual({phone: 2, desktop: 2});
		expect(body.languages).toEqual([{locale: 'en-GB', opened: 4}]);
		expect(body.timeToOpen.count).toBe(4);
		expect(body.timeToOpen.buckets[0]).toEqual({upTo: '1h', count: 4});
		expect(body.timeToPay.count).toBe(2);
		const today = new Date().toISOString().slice(0, 10);
		expect(body.byDay).toEqual([expect.objectContaining({date: today, opened: 4, paid: 2})]);
		expect(body).not.toHaveProperty('experiment');
		expect(validate('BatchAnalytics', body)).toEqual([]);
		expect(JSON.stringify(body)).not.toContain(sampleTelcoBill.customer.name);

		const csv = await (await fetch(`${stack.baseUrl}/v1/batches/${id}/analytics.csv`, {headers: stack.auth})).text();
		expect(csv.split('\n')[1]).toBe(`${today},${id},6,3,6,4,4,2,2,2,1,2,13840`);
		const ndjson = await (await fetch(`${stack.baseUrl}/v1/batches/${id}/analytics.ndjson`, {headers: stack.auth})).text();
		expect(JSON.parse(ndjson.trim())).toMatchObject({date: today, scope: id, opened: 4, paid_amount_EUR: 13840});

		// The tenant's own range, by template and day, holds this campaign.
		const range = await getJson(`/v1/analytics?from=${today}&to=${today}`);
		expect(range.status).toBe(200);
		expect(validate('RangeAnalytics', range.body)).toEqual([]);
		expect(range.body.counts).toMatchObject({renders: 6, opened: 4, paid: 2});
		expect(range.body.byTemplate.find((t: {template: string}) => t.template === 'telco-bill').counts.opened).toBe(4);
		const rangeCsv = await (await fetch(`${stack.baseUrl}/v1/analytics.csv?from=${today}&to=${today}`, {headers: stack.auth})).text();
		expect(rangeCsv.split('\n')[1]).toBe(`${today},telco-bill,6,3,6,4,4,2,2,2,1,2,13840`);

		// Another tenant sees none of it.
		expect((await getJson(`/v1/batches/${id}/analytics`, stack.otherAuth)).status).toBe(404);
		expect((await getJson(`/v1/analytics?from=${today}&to=${today}`, stack.otherAuth)).body.counts.opened).toBe(0);
	});

	it('refuse a bad range or a bad event field, naming it', async () => {
		const backwards = await getJson('/v1/analytics?from=2026-11-30&to=2026-11-01');
		expect(backwards.status).toBe(422);
		expect(backwards.body.errors[0].path).toBe('to');
		const missing = await getJson('/v1/analytics?from=2026-11-30');
		expect(missing.body.errors[0].path).toBe('to');
		const {bills} = await sendBatch('BAD', 1);
		const response = await fetch(`${stack.baseUrl}/v1/watch/${bills[0]!.token}/events`, {method: 'POST', body: JSON.stringify({type: 'view_started', scene: 'nowhere'})});
		expect(response.status).toBe(422);
		expect(((await response.json()) as {errors: Array<{path: string}>}).errors[0]!.path).toBe('scene');
	});

	it('split an experiment between its variants, deterministically per bill, and compare them', async () => {
		const first = await sendBatch('EXP', 12, '?variants=soft,firm&seed=nov');
		const again = await sendBatch('EXP', 12, '?variants=soft,firm&seed=nov');
		expect(again.bills.map((bill) => bill.variant)).toEqual(first.bills.map((bill) => bill.variant));
		expect(new Set(first.bills.map((bill) => bill.variant))).toEqual(new Set(['soft', 'firm']));
		const {id, bills} = again;
		const firm = bills.filter((bill) => bill.variant === 'firm');
		// Each bill is rendered in its variant's wording: the video's own bill says which, and the same bill is two renders.
		for (const bill of bills) {
			const {body: watchData} = await getJson(`/v1/watch/${bill.token}`, {});
			expect(watchData.bill.messageVariant).toBe(bill.variant);
		}
		const plain = await sendBatch('EXP', 1);
		expect(plain.bills[0]!.renderId).not.toBe(bills[0]!.renderId);
		for (const bill of firm) await watch(bill.token, 'start');
		await post(`/v1/batches/${id}/payments`, firm.slice(0, 2).map((bill) => payment(bill.billNumber, 6840)));

		const {body} = await getJson(`/v1/batches/${id}/analytics`);
		expect(body.experiment).toMatchObject({variants: expect.any(Array), seed: 'nov', control: 'soft'});
		const byName = Object.fromEntries(body.experiment.variants.map((v: {variant: string}) => [v.variant, v]));
		expect(byName.soft.renders + byName.firm.renders).toBe(12);
		expect(byName.firm).toMatchObject({renders: firm.length, opened: firm.length, paid: 2});
		expect(byName.firm.paymentRate.rate).toBeCloseTo(2 / firm.length);
		expect(byName.firm.paymentRate.difference.significant).toBe(false);
		expect(body.experiment.verdict).toMatch(/^Not yet significant/);
		expect(validate('BatchAnalytics', body)).toEqual([]);

		const badVariants = await post('/v1/batches?variants=soft', []);
		expect(badVariants.status).toBe(422);
		expect(((await badVariants.json()) as {errors: Array<{path: string}>}).errors[0]!.path).toBe('variants');
	});
});
