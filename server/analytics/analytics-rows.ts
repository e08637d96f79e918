import type {Response} from 'express';
import {csvRow} from '../platform/csv-row';
import {NotFoundError} from '../platform/errors';
import {campaignReport, funnelSteps} from './campaign-report';

/** One row of an export: a day of one scope (a batch, or a template of the tenant). */
export interface AnalyticsRow {
	readonly date: string;
	readonly scope: string;
	readonly fields: Readonly<Record<string, string>>;
}

const snake = (step: string) => step.replace(/[A-Z0-9]+/g, (part) => `_${part.toLowerCase()}`);

/**
 * Rows as a BI tool reads them: one line per day and scope, the funnel counts, and the paid amount in minor units per
 * currency (a column each). Nothing in a row names a customer.
 */
export const analyticsTable = (rows: readonly AnalyticsRow[]) => {
	const currencies = [...new Set(rows.flatMap((row) => campaignReport(row.fields).paidAmounts.map((paid) => paid.currency)))].sort();
	const columns = ['date', 'scope', ...funnelSteps.map(([step]) => snake(step)), ...currencies.map((currency) => `paid_amount_${currency}`)];
	const records = rows.map((row) => {
		const report = campaignReport(row.fields);
		const amounts = Object.fromEntries(report.paidAmounts.map((paid) => [paid.currency, paid.amount]));
		return Object.fromEntries([
			['date', row.date],
			['scope', row.scope],
			...funnelSteps.map(([step]) => [snake(step), report.counts[step]]),
			...currencies.map((currency) => [`paid_amount_${currency}`, amounts[currency] ?? 0]),
		]) as Record<string, string | number>;
	});
	return {columns, records};
};

/**
 * Written by the RFC 4180 writer the batch export uses, so a BI tool or spreadsheet reads each scope back as one cell:
 * a batch id starts with its tenant's id, which may start with a hyphen, and a spreadsheet runs `-…` as a formula.
 */
export const toCsv = ({columns, records}: ReturnType<typeof analyticsTable>): string =>
	csvRow(columns) + records.map((record) => csvRow(columns.map((column) => String(record[column])))).join('');

const toNdjson = ({records}: ReturnType<typeof analyticsTable>): string => records.map((record) => JSON.stringify(record)).join('\n') + (records.length ? '\n' : '');

export const exportFormat = (format: string | undefined): 'csv' | 'ndjson' => {
	if (format !== 'csv' && format !== 'ndjson') throw new NotFoundError(`Export format ${format}`);
	return format;
};

/** Sends rows as a CSV or NDJSON download named `<name>.<format>`. */
export const sendAnalyticsExport = (res: Response, format: 'csv' | 'ndjson', name: string, rows: readonly AnalyticsRow[]): void => {
	const table = analyticsTable(rows);
	res.attachment(`${name}.${format}`);
	if (format === 'csv') res.type('text/csv').send(toCsv(table));
	else res.type('application/x-ndjson').send(toNdjson(table));
};
