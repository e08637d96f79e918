import {lineItemCategories, type LineItem, type LineItemCategory} from './telco-bill-schema';

export interface BreakdownRow {
	readonly category: LineItemCategory;
	readonly total: number;
	readonly items: readonly LineItem[];
}

/** Line items grouped by category in the bill's reading order (plan first, taxes last); empty categories left out. */
export const groupByCategory = (items: readonly LineItem[]): BreakdownRow[] =>
	lineItemCategories
		.map((category) => {
			const inCategory = items.filter((item) => item.category === category);
			return {category, items: inCategory, total: inCategory.reduce((sum, item) => sum + item.amount, 0)};
		})
		.filter((row) => row.items.length > 0);

/** One bar of the breakdown chart: a category, or `other` for the smallest charges grouped with the bill's other charges. */
export interface ChartRow {
	readonly category: LineItemCategory;
	readonly total: number;
	/** Whether smaller categories were added to the `other` row, which then is more than the bill's other charges. */
	readonly grouped?: true;
}

/** Most rows the breakdown chart shows; beyond that the smallest charges are grouped into "Other". */
const MAX_CHART_ROWS = 5;

/**
 * The breakdown chart's rows: every category while they fit, else the largest charges, "Other" for the rest, and the
 * credits and taxes always on their own: a credit merged into "Other" would hide a saving, and taxes there made "Other"
 * the largest bar of the bill. The rows still add up to the bill.
 */
export const chartRows = (items: readonly LineItem[]): ChartRow[] => {
	const rows = groupByCategory(items);
	if (rows.length <= MAX_CHART_ROWS) return rows;
	// The bill's own other charges always join the grouped row, so the chart never shows two "other" bars.
	const credits = rows.filter((row) => row.total < 0 && row.category !== 'other');
	const taxes = rows.filter((row) => row.category === 'taxes' && !credits.includes(row));
	const charges = rows.filter((row) => !credits.includes(row) && !taxes.includes(row));
	const keep = new Set(
		charges
			.filter((row) => row.category !== 'other')
			.sort((a, b) => b.total - a.total)
			.slice(0, Math.max(0, MAX_CHART_ROWS - 1 - credits.length - taxes.length))
			.map((row) => row.category),
	);
	const other = charges.filter((row) => !keep.has(row.category)).reduce((sum, row) => sum + row.total, 0);
	return [...charges.filter((row) => keep.has(row.category)), {category: 'other', total: other, grouped: true}, ...taxes, ...credits];
};
