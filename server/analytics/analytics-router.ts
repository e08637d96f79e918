import {Router, type Response} from 'express';
import {z} from 'zod';
import {templateIds} from '../../src/templates/registry';
import {exportFormat, sendAnalyticsExport, type AnalyticsRow} from './analytics-rows';
import type {BatchAnalytics, RangeAnalytics} from './analytics-schemas';
import {batchAnalytics} from './batch-analytics';
import type {CampaignCounters} from './campaign-counters';
import type {CampaignIndex} from './campaign-index';
import {campaignReport, sumFields} from './campaign-report';
import type {BatchStore} from '../batches/batch-store';
import {ValidationError} from '../platform/errors';
import {ownBatch} from '../batches/own-batch';
import {ownRender} from '../renders/own-render';
import type {RenderStore} from '../renders/render-store';
import {tenantOf} from '../tenants/tenant';
import type {ViewerEventsStore} from '../watch/viewer-events-store';
import {fieldErrorsFromZod} from '../platform/zod-field-errors';

/** A range is read day by day (one hash per template and day), so it is bounded. */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;
const isoDay = z.iso.date({error: 'must be a date such as 2026-11-01'});
const rangeSchema = z
	.object({from: isoDay, to: isoDay})
	.refine(({from, to}) => from <= to, {path: ['to'], message: 'must not be before from'})
	.refine(({from, to}) => (Date.parse(to) - Date.parse(from)) / DAY_MS < MAX_RANGE_DAYS, {
		path: ['to'],
		message: `must be less than ${MAX_RANGE_DAYS} days after from`,
	});

const daysOf = (from: string, to: string): string[] =>
	Array.from({length: (Date.parse(to) - Date.parse(from)) / DAY_MS + 1}, (_, index) => new Date(Date.parse(from) + index * DAY_MS).toISOString().slice(0, 10));


/** What viewers did: per render, per batch (a campaign, with its experiment) and per template and day of the tenant. */
export const makeAnalyticsRouter = ({
	store,
	events,
	batches,
	campaigns,
	counters,
}: {
	store: RenderStore;
	events: ViewerEventsStore;
	batches: BatchStore;
	campaigns: CampaignIndex;
	counters: CampaignCounters;
}): Router => {
	const router = Router();
	router.get('/v1/renders/:id/analytics', async (req, res) => {
		const record = await ownRender(store, req.params.id, res);
		res.json({renderId: record.id, events: await events.summary(record.id)});
	});

	router.get('/v1/batches/:id/analytics', async (req, res) => {
		const batch = await ownBatch(batches, req.params.id, res);
		const {report, byDay, experiment} = await batchAnalytics({counters, campaigns}, batch.id);
		res.json({batchId: batch.id, createdAt: batch.createdAt, ...report, byDay, ...(experiment ? {experiment} : {})} satisfies BatchAnalytics);
	});

	router.get('/v1/batches/:id/analytics.:format', async (req, res) => {
		const format = exportFormat(req.params.format);
		const batch = await ownBatch(batches, req.params.id, res);
		const {rows} = await batchAnalytics({counters, campaigns}, batch.id);
		sendAnalyticsExport(res, format, `${batch.id}-analytics`, rows);
	});

	const rangeRows = async (res: Response, query: unknown): Promise<{from: string; to: string; rows: AnalyticsRow[]}> => {
		const parsed = rangeSchema.safeParse(query);
		if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error));
		const {from, to} = parsed.data;
		const tenant = tenantOf(res).id;
		const cells = daysOf(from, to).flatMap((date) => templateIds.map((template) => ({date, template})));
		const fields = await Promise.all(cells.map(({date, template}) => counters.tenantDay(tenant, template, date)));
		return {from, to, rows: cells.map(({date, template}, index) => ({date, scope: template, fields: fields[index]!})).filter((row) => Object.keys(row.fields).length > 0)};
	};

	router.get('/v1/analytics', async (req, res) => {
		const {from, to, rows} = await rangeRows(res, req.query);
		res.json({
			from,
			to,
			...campaignReport(sumFields(rows.map((row) => row.fields))),
			byTemplate: templateIds.map((template) => ({template, ...campaignReport(sumFields(rows.filter((row) => row.scope === template).map((row) => row.fields)))})),
			byDay: daysOf(from, to).map((date) => ({date, ...campaignReport(sumFields(rows.filter((row) => row.date === date).map((row) => row.fields))).counts})),
		} satisfies RangeAnalytics);
	});

	router.get('/v1/analytics.:format', async (req, res) => {
		const format = exportFormat(req.params.format);
		const {from, to, rows} = await rangeRows(res, req.query);
		sendAnalyticsExport(res, format, `analytics-${from}-${to}`, rows);
	});

	return router;
};
