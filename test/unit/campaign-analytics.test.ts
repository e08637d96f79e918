import {describe, expect, it} from 'vitest';
import {analyticsTable, toCsv} from '../../server/analytics/analytics-rows';
import {campaignReport, sumFields, variantComparison} from '../../server/analytics/campaign-report';
import {experimentQuerySchema, variantOf} from '../../server/analytics/experiment';
import {deviceClassOf, hotspotKindOf, waitBucketOf} from '../../server/analytics/metrics';
import {differenceInterval, wilsonInterval} from '../../server/analytics/statistics';

describe('statistics', () => {
	it('give the Wilson interval of known cases', () => {
		// 10 of 100: the textbook Wilson 95 % interval is 5.52 % to 17.44 %.
		const interval = wilsonInterval(10, 100)!;
		expect(interval.low).toBeCloseTo(0.0552, 4);
		expect(interval.high).toBeCloseTo(0.1744, 4);
		expect(wilsonInterval(0, 10)!.low).toBe(0);
		expect(wilsonInterval(0, 0)).toBeNull();
	});

	it('give exactly 0 and 1 at 0 % and 100 %, not a rounding error away', () => {
		const trials = Array.from({length: 500}, (_, index) => index + 1);
		expect(trials.filter((n) => wilsonInterval(0, n)!.low !== 0)).toEqual([]);
		expect(trials.filter((n) => wilsonInterval(n, n)!.high !== 1)).toEqual([]);
	});

	it("give Newcombe's interval of a difference, which leaves out zero only for a clear difference", () => {
		// Newcombe (1998), example (a): 56/70 against 48/80 gives 0.0524 to 0.3339 for the difference.
		const interval = differenceInterval({successes: 48, trials: 80}, {successes: 56, trials: 70})!;
		expect(interval.low).toBeCloseTo(0.0524, 3);
		expect(interval.high).toBeCloseTo(0.3339, 3);
		const close = differenceInterval({successes: 5, trials: 20}, {successes: 7, trials: 20})!;
		expect(close.low).toBeLessThan(0);
		expect(close.high).toBeGreaterThan(0);
	});
});

describe('experiments', () => {
	it('assign each bill the same variant every time and spread bills over every variant', () => {
		const experiment = {variants: ['soft', 'firm'] as const, seed: 'nov'};
		const bills = Array.from({length: 2_000}, (_, index) => `INV-${index}`);
		const assigned = bills.map((bill) => variantOf(experiment, bill));
		expect(bills.map((bill) => variantOf(experiment, bill))).toEqual(assigned);
		const soft = assigned.filter((variant) => variant === 'soft').length;
		expect(soft).toBeGreaterThan(900);
		expect(soft).toBeLessThan(1_100);
		// Another seed is another draw.
		expect(bills.map((bill) => variantOf({...experiment, seed: 'dec'}, bill))).not.toEqual(assigned);
	});

	it('read two or three variants from the query and name a bad one', () => {
		expect(experimentQuerySchema.parse({})).toBeUndefined();
		expect(experimentQuerySchema.parse({variants: 'standard,soft,firm', seed: 's'})).toEqual({variants: ['standard', 'soft', 'firm'], seed: 's'});
		expect(experimentQuerySchema.parse({variants: 'soft,firm'})).toEqual({variants: ['soft', 'firm'], seed: 'soft,firm'});
		// Only wordings the catalogue has: a variant must change the video.
		for (const variants of ['soft', 'standard,soft,firm,soft', 'soft,soft', 'Soft,firm', 'soft,kind']) {
			const parsed = experimentQuerySchema.safeParse({variants});
			expect(parsed.success, variants).toBe(false);
			expect(parsed.error!.issues[0]!.path[0]).toBe('variants');
		}
	});

	it('compare variants and say plainly when the difference is not yet significant', () => {
		const few = variantComparison(['soft', 'firm'], {
			'variant:soft:renders': '20',
			'variant:soft:paid': '5',
			'variant:firm:renders': '20',
			'variant:firm:paid': '7',
		});
		expect(few.verdict).toMatch(/^Not yet significant/);
		expect(few.variants[1]!.paymentRate.difference!.significant).toBe(false);
		expect(few.variants[0]!.paymentRate.difference).toBeNull();
		const many = variantComparison(['soft', 'firm'], {
			'variant:soft:renders': '1000',
			'variant:soft:paid': '100',
			'variant:firm:renders': '1000',
			'variant:firm:paid': '200',
		});
		expect(many.variants[1]!.paymentRate.rate).toBe(0.2);
		expect(many.variants[1]!.paymentRate.difference!.significant).toBe(true);
		expect(many.verdict).toBe('firm pays more often than soft (95 % confidence).');
	});
});

describe('campaign report', () => {
	it('turn counters into a funnel with rates, waits, drop-off and exports', () => {
		const fields = {
			renders: '10',
			produced: '8',
			exported: '10',
			opened: '4',
			progress_25: '3',
			progress_50: '2',
			progress_75: '2',
			completed: '1',
			pay_clicked: '2',
			paid: '1',
			'paid_amount:EUR': '6840',
			'dropoff:breakdown': '2',
			'dropoff:greeting': '0',
			'open_wait:1h': '4',
			open_seconds_sum: '400',
			'device:phone': '3',
			'device:desktop': '1',
			'language:en-GB': '4',
		};
		const report = campaignReport(fields);
		expect(report.funnel.find((step) => step.step === 'opened')).toEqual({step: 'opened', count: 4, ofPrevious: 0.4, ofRenders: 0.4});
		expect(report.funnel[0]!.ofPrevious).toBeNull();
		// Links may go out before their videos are made: exported is a share of those sent, as produced is.
		expect(report.funnel.find((step) => step.step === 'produced')).toEqual({step: 'produced', count: 8, ofPrevious: 0.8, ofRenders: 0.8});
		expect(report.funnel.find((step) => step.step === 'exported')!.ofPrevious).toBe(1);
		expect(report.paidAmounts).toEqual([{currency: 'EUR', amount: 6840}]);
		expect(report.dropOff).toEqual([{scene: 'breakdown', renders: 2}]);
		expect(report.timeToOpen).toMatchObject({count: 4, meanSeconds: 100});
		expect(report.devices).toEqual({phone: 3, desktop: 1});
		// More pressed pay than watched to the end (the page's button needs no watching): pressed pay is a share of those sent only.
		expect(report.funnel.find((step) => step.step === 'payClicked')).toEqual({step: 'payClicked', count: 2, ofPrevious: null, ofRenders: 0.2});
		// A payment made before its bill was sent is paid but has no wait: the time to pay counts the waits it has.
		expect(campaignReport({paid: '2', 'pay_wait:6h': '1', pay_seconds_sum: '7200'}).timeToPay).toMatchObject({count: 1, meanSeconds: 7200});
		expect(campaignReport({}).funnel.every((step) => step.ofRenders === null)).toBe(true);
		expect(sumFields([fields, {renders: '5'}]).renders).toBe('15');

		const csv = toCsv(analyticsTable([{date: '2026-11-30', scope: 'b1', fields}]));
		expect(csv).toBe(
			'date,scope,renders,produced,exported,opened,reached_25,reached_50,reached_75,completed,pay_clicked,paid,paid_amount_EUR\n' +
				'2026-11-30,b1,10,8,10,4,3,2,2,1,2,1,6840\n',
		);
	});

	it('classify devices, hotspots and waits', () => {
		expect(deviceClassOf('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148')).toBe('phone');
		expect(deviceClassOf('Mozilla/5.0 (X11; Linux x86_64) Chrome/120')).toBe('desktop');
		expect(deviceClassOf(undefined)).toBe('desktop');
		expect([hotspotKindOf('pay'), hotspotKindOf('page'), hotspotKindOf('nope')]).toEqual(['pay', 'page-pay', 'other']);
		expect([waitBucketOf(0), waitBucketOf(3_600), waitBucketOf(10 * 86_400)]).toEqual(['1h', '6h', 'later']);
	});
});
