import {formatPeriod} from '../../dates';
import {summarizeDueBill, type BillSummary} from '../../summary-shape';
import type {UtilityBill} from './utility-bill-schema';
import {utilityWordsFor} from './utility-words';

/** The cost split into its three parts, which add up to the amount due. */
export const summarizeUtilityBill = (bill: UtilityBill): BillSummary => {
	// Each cost part is the row's category; what it was charged for is this bill's period.
	const {costParts} = utilityWordsFor(bill.customer.locale);
	const period = formatPeriod(bill.period.start, bill.period.end, bill.customer.locale);
	return summarizeDueBill(
		bill,
		(['energy', 'network', 'taxes'] as const).map((part) => ({group: costParts[bill.kind][part], label: period, amount: bill.cost[part]})),
	);
};
