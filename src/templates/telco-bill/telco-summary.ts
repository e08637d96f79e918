import {groupByCategory} from './breakdown';
import {summarizeDueBill, type BillSummary} from '../../summary-shape';
import type {TelcoBill} from './telco-bill-schema';
import {telcoWordsFor} from './telco-words';

/** Every line item under its category; a partly paid bill asks for what is left. */
export const summarizeTelcoBill = (bill: TelcoBill): BillSummary => {
	const categories = telcoWordsFor(bill.customer.locale).categories;
	return summarizeDueBill(
		bill,
		groupByCategory(bill.lineItems).flatMap((row) =>
			row.items.map((item) => ({group: categories[row.category], label: item.label, amount: item.amount})),
		),
		bill.payment.amountPaid,
	);
};
