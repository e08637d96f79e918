import {z} from 'zod';
import {templateIds} from '../../src/templates/registry';
import {funnelSteps, type FunnelStep} from './campaign-report';
import {waitBuckets} from './metrics';

/** Response bodies of the analytics routes, for the OpenAPI document (the routes build them from campaign-report.ts). */
const stepNames = funnelSteps.map(([step]) => step) as [FunnelStep, ...FunnelStep[]];
const counts = z.object(Object.fromEntries(stepNames.map((step) => [step, z.number().int()])) as Record<FunnelStep, z.ZodInt>);
const rate = z.number().min(0).nullable().describe('null when the step before holds nothing');
const interval = z.object({low: z.number(), high: z.number()});
const waits = z.object({
	count: z.number().int(),
	meanSeconds: z.number().nullable(),
	buckets: z.array(z.object({upTo: z.enum(waitBuckets.map(([upTo]) => upTo) as [string, ...string[]]), count: z.number().int()})),
});

const report = {
	counts: counts.describe('renders sent in campaigns (batches; a render posted on its own counts in none of these), produced (renders sent whose video is made, one per render), links exported, opened (unique renders with view_started), reached 25/50/75 %, completed, pay clicked, paid'),
	funnel: z.array(z.object({step: z.enum(stepNames), count: z.number().int(), ofPrevious: rate, ofRenders: rate})),
	paidAmounts: z.array(z.object({currency: z.string(), amount: z.number().int().describe('minor units')})),
	hotspotClicks: z.record(z.string(), z.number().int()).describe('unique renders per hotspot kind clicked (pay, call, mail, instalments, bill-pdf, page-pay)'),
	timeToOpen: waits.describe('from the render being sent to its first view'),
	timeToPay: waits.describe('from the render being sent to the confirmed paidAt; a payment made before it was sent counts as paid but has no wait here'),
	dropOff: z.array(z.object({scene: z.string(), renders: z.number().int()})).describe('renders by the furthest scene any of their viewings reported'),
	devices: z.object({phone: z.number().int(), desktop: z.number().int()}),
	languages: z.array(z.object({locale: z.string(), opened: z.number().int()})),
};
const dayCounts = counts.extend({date: z.string()});

const rateComparison = z.object({
	rate: rate,
	interval: interval.nullable().describe('Wilson 95 %'),
	difference: z
		.object({value: z.number(), interval, significant: z.boolean()})
		.nullable()
		.describe("against the first variant; Newcombe's 95 % interval; significant only when it leaves out zero"),
});

export const batchAnalyticsSchema = z.object({
	batchId: z.string(),
	createdAt: z.string(),
	...report,
	byDay: z.array(dayCounts),
	experiment: z
		.object({
			variants: z.array(
				z.object({
					variant: z.string(),
					renders: z.number().int(),
					opened: z.number().int(),
					payClicked: z.number().int(),
					paid: z.number().int(),
					payClickRate: rateComparison,
					paymentRate: rateComparison,
				}),
			),
			seed: z.string(),
			control: z.string().nullable(),
			verdict: z.string().describe('In words, e.g. "Not yet significant: ..."'),
		})
		.optional(),
});

export type BatchAnalytics = z.infer<typeof batchAnalyticsSchema>;

export const rangeAnalyticsSchema = z.object({
	from: z.string(),
	to: z.string(),
	...report,
	byTemplate: z.array(z.object({template: z.enum(templateIds), ...report})),
	byDay: z.array(dayCounts),
});
export type RangeAnalytics = z.infer<typeof rangeAnalyticsSchema>;
