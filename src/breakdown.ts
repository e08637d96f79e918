import {lineItemCategories, type LineItem, type LineItemCategory} from './bill-schema';

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
