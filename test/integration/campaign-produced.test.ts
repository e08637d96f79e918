import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {paymentOf, sendCampaign, sendViewerEvent, watchUntil} from '../helpers/campaign';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack;

beforeAll(async () => {
	// Its own stack, so the tenant's range holds only the renders made here. Renders are finished through the store, as
	// the worker finishes them: counting needs no video.
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
});
afterAll(async () => {
	await stack?.close();
});

const output = {durationInSeconds: 1, frames: 30, fps: 30, width: 320, height: 180, bytes: 1000};

/** A bill posted on its own, as sendCampaign words a batch line of the same prefix and index (so the same render). */
const postAlone = async (prefix: string, index: number, outputs?: {mp4: 'on-demand'}) => {
	const bill = {...sampleTelcoBill, billNumber: `${prefix}-${index}`, customer: {...sampleTelcoBill.customer, id: `${prefix}-C${index}`}};
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({template: 'telco-bill', scale: 0.25, bill, ...(outputs ? {outputs} : {})}),
	});
	expect(response.status).toBe(202);
	const render = (await response.json()) as {id: string; links: {watch: string}};
	return {id: render.id, token: render.links.watch.split('/w/')[1]!, billNumber: bill.billNumber};
};

const getJson = async (path: string) => (await fetch(`${stack.baseUrl}${path}`, {headers: stack.auth})).json() as Promise<Record<string, any>>;
const csvRow = async (path: string) => (await (await fetch(`${stack.baseUrl}${path}`, {headers: stack.auth})).text()).split('\n')[1]!;

/** Every step with a base is at most its base: 100 % of those sent at the very most. */
const overHundredPercent = (funnel: Array<{step: string; ofPrevious: number | null; ofRenders: number | null}>) =>
	funnel.filter((step) => (step.ofPrevious ?? 0) > 1 || (step.ofRenders ?? 0) > 1).map((step) => step.step);

describe('campaign analytics count single renders and batch renders on one basis', () => {
	it("count only renders sent in campaigns, produced once per render and campaign, so the tenant's funnel is its batches'", async () => {
		const today = new Date().toISOString().slice(0, 10);
		// Posted on their own: one later sent in the batch too, two never, one with its MP4 on demand (nothing made).
		const early = await postAlone('MIX', 0);
		const watched = await postAlone('ALONE', 0);
		const paid = await postAlone('ALONE', 1);
		await postAlone('ALONE', 2, {mp4: 'on-demand'});
		for (const render of [early, watched, paid]) expect(await stack.store.markCompleted(render.id, output)).toBeDefined();
		await sendViewerEvent(stack, watched.token, {type: 'view_started', scene: 'greeting'});
		const payment = paymentOf(paid.billNumber, 6840);
		const paying = await fetch(`${stack.baseUrl}/v1/renders/${paid.id}/payment`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify({amount: payment.amount, currency: payment.currency, paidAt: payment.paidAt, reference: payment.reference}),
		});
		expect(paying.status).toBe(201);

		// The batch sends the early render again (its video made already) and two new ones; one of those is then made,
		// and the store told twice.
		const first = await sendCampaign(stack, stack.auth, 'MIX', 3);
		expect(first.bills[0]!.renderId).toBe(early.id);
		await stack.store.markCompleted(first.bills[1]!.renderId, output);
		await stack.store.markCompleted(first.bills[1]!.renderId, output);
		await watchUntil(stack, first.bills[1]!.token, 'start');

		const batch = await getJson(`/v1/batches/${first.id}/analytics`);
		expect(batch.counts).toEqual({renders: 3, produced: 2, exported: 3, opened: 1, reached25: 0, reached50: 0, reached75: 0, completed: 0, payClicked: 0, paid: 0});
		expect(overHundredPercent(batch.funnel)).toEqual([]);

		// The tenant's range adds up its campaigns: the renders posted alone are in no step, made, watched or paid.
		const range = await getJson(`/v1/analytics?from=${today}&to=${today}`);
		expect(range.counts).toEqual(batch.counts);
		expect(range.funnel.find((step: {step: string}) => step.step === 'produced')).toEqual({step: 'produced', count: 2, ofPrevious: 2 / 3, ofRenders: 2 / 3});
		expect(overHundredPercent(range.funnel)).toEqual([]);
		expect(range.byTemplate.find((row: {template: string}) => row.template === 'telco-bill').counts).toEqual(batch.counts);
		expect(range.byDay).toEqual([{date: today, ...batch.counts}]);
		expect(await csvRow(`/v1/analytics.csv?from=${today}&to=${today}`)).toBe(`${today},telco-bill,3,2,3,1,0,0,0,0,0,0`);

		// The same bills sent again in a later batch: both videos made before are produced in it, and its export counts.
		const second = await sendCampaign(stack, stack.auth, 'MIX', 3);
		const again = await getJson(`/v1/batches/${second.id}/analytics`);
		expect(again.counts).toMatchObject({renders: 3, produced: 2, exported: 3});
		expect(overHundredPercent(again.funnel)).toEqual([]);
		const both = await getJson(`/v1/analytics?from=${today}&to=${today}`);
		expect(both.counts).toMatchObject({renders: 6, produced: 4, exported: 6, opened: 1});
		expect(overHundredPercent(both.funnel)).toEqual([]);
	});
});
