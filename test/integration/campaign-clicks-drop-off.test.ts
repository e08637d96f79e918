import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {paymentOf, sendCampaign, sendViewerEvent, watchUntil} from '../helpers/campaign';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack;

beforeAll(async () => {
	// Counting needs the renders' records and links, not their videos: no render worker.
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
});
afterAll(async () => {
	await stack?.close();
});

const analyticsOf = async (batchId: string) => (await fetch(`${stack.baseUrl}/v1/batches/${batchId}/analytics`, {headers: stack.auth})).json() as Promise<Record<string, any>>;
const stopsOf = (body: Record<string, any>) => Object.fromEntries(body.dropOff.map((d: {scene: string; renders: number}) => [d.scene, d.renders]));

describe('campaign analytics of viewers who come back and press the page pay button', () => {
	it("count the watch page's own pay button as page-pay, once per render, beside the video's, and rate pressed pay of those sent", async () => {
		const {id, bills} = await sendCampaign(stack, stack.auth, 'PAGEPAY', 3);
		const [pagePayer, videoPayer, both] = bills as [(typeof bills)[number], (typeof bills)[number], (typeof bills)[number]];
		// Stops at the greeting and presses the page's Pay, twice: the page sends no hotspot_clicked, only pay_clicked.
		await watchUntil(stack, pagePayer.token, 'start');
		await sendViewerEvent(stack, pagePayer.token, {type: 'pay_clicked', hotspot: 'page'});
		await sendViewerEvent(stack, pagePayer.token, {type: 'pay_clicked', hotspot: 'page'});
		// Presses pay in the video, as the player reports it.
		await watchUntil(stack, videoPayer.token, 'end');
		await sendViewerEvent(stack, videoPayer.token, {type: 'hotspot_clicked', hotspot: 'pay', scene: 'due'});
		await sendViewerEvent(stack, videoPayer.token, {type: 'pay_clicked', hotspot: 'pay', scene: 'due'});
		// Presses pay in the video first, then the page's button: both buttons were pressed, by one render.
		await watchUntil(stack, both.token, 'end');
		await sendViewerEvent(stack, both.token, {type: 'hotspot_clicked', hotspot: 'pay', scene: 'due'});
		await sendViewerEvent(stack, both.token, {type: 'pay_clicked', hotspot: 'pay', scene: 'due'});
		await sendViewerEvent(stack, both.token, {type: 'pay_clicked', hotspot: 'page'});

		const body = await analyticsOf(id);
		expect(body.hotspotClicks).toEqual({pay: 2, 'page-pay': 2});
		expect(body.counts).toMatchObject({opened: 3, completed: 2, payClicked: 3});
		// Not a share of those who watched to the end: the page's button needs no watching (3 of 2 would be 150 %).
		expect(body.funnel.find((step: {step: string}) => step.step === 'payClicked')).toEqual({step: 'payClicked', count: 3, ofPrevious: null, ofRenders: 1});
	});

	it('count each render at the furthest scene any of its viewings reached, through a reload and a second tab', async () => {
		const {id, bills} = await sendCampaign(stack, stack.auth, 'RELOAD', 3);
		const [reloader, twoTabs, quitter] = bills as [(typeof bills)[number], (typeof bills)[number], (typeof bills)[number]];
		// Watches to the end, then reloads the page to pay: the new viewing starts at the greeting.
		await watchUntil(stack, reloader.token, 'end');
		await watchUntil(stack, reloader.token, 'start');
		// Two tabs: one gets to the due scene, the other is opened later and left at the breakdown.
		await sendViewerEvent(stack, twoTabs.token, {type: 'view_started', scene: 'greeting'});
		await sendViewerEvent(stack, twoTabs.token, {type: 'progress_50', scene: 'due'});
		await watchUntil(stack, twoTabs.token, 'breakdown');
		// Still moves on as it should: greeting, then the breakdown.
		await watchUntil(stack, quitter.token, 'breakdown');

		const body = await analyticsOf(id);
		expect(stopsOf(body)).toEqual({close: 1, due: 1, breakdown: 1});
		// Each render is counted at exactly one scene: the scenes it left again hold zero in the batch's day too.
		const {days} = await stack.services.counters.batch(id);
		expect(days).toHaveLength(1);
		expect(Object.fromEntries(Object.entries(days[0]!.fields).filter(([field]) => field.startsWith('dropoff:')))).toEqual({
			'dropoff:greeting': '0',
			'dropoff:total': '0',
			'dropoff:breakdown': '1',
			'dropoff:due': '1',
			'dropoff:close': '1',
		});
	});

	it('count a payment made before its bill was sent as paid, but leave it out of the time to pay', async () => {
		const {id, bills} = await sendCampaign(stack, stack.auth, 'EARLY', 2);
		const [early, late] = bills as [(typeof bills)[number], (typeof bills)[number]];
		const yesterday = new Date(Date.now() - 86_400_000).toISOString();
		const paid = await fetch(`${stack.baseUrl}/v1/batches/${id}/payments`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify([{...paymentOf(early.billNumber, 6840), paidAt: yesterday}, paymentOf(late.billNumber, 6840)]),
		});
		expect(((await paid.json()) as {results: Array<{status: string}>}).results.map((result) => result.status)).toEqual(['confirmed', 'confirmed']);

		const body = await analyticsOf(id);
		expect(body.counts.paid).toBe(2);
		expect(body.paidAmounts).toEqual([{currency: 'EUR', amount: 13680}]);
		expect(body.timeToPay.count).toBe(1);
		expect(body.timeToPay.buckets.reduce((sum: number, bucket: {count: number}) => sum + bucket.count, 0)).toBe(1);
	});
});
