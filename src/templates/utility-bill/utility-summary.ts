import {messagesFor} from '../../i18n/catalogue';
import {summarizeDueBill, type BillSummary} from '../../summary-shape';
import type {UtilityBill} from './utility-bill-schema';

/** The cost split into its three parts, which add up to the amount due. */
export const summarizeUtilityBill = (bill: UtilityBill): BillSummary => {
	const {costParts, costTitle} = messagesFor(bill.customer.locale);
	return summarizeDueBill(
		bill,
		(['energy', 'network', 'taxes'] as const).map((part) => ({group: costTitle, label: costParts[part], amount: bill.cost[part]})),
	);
};
