import type {CampaignCounters} from './campaign-counters';
import type {CampaignIndex} from './campaign-index';
import {campaignReport, variantComparison} from './campaign-report';
import type {AnalyticsRow} from './analytics-rows';

/** A batch's numbers as the API and the dashboard both show them: the report, each day's counts, the experiment. */
export const batchAnalytics = async ({counters, campaigns}: {counters: CampaignCounters; campaigns: CampaignIndex}, batchId: string) => {
	const [{total, days}, experiment] = await Promise.all([counters.batch(batchId), campaigns.experimentOf(batchId)]);
	return {
		report: campaignReport(total),
		byDay: days.map(({date, fields}) => ({date, ...campaignReport(fields).counts})),
		rows: days.map(({date, fields}): AnalyticsRow => ({date, scope: batchId, fields})),
		experiment: experiment ? {...experiment, ...variantComparison(experiment.variants, total)} : undefined,
	};
};
