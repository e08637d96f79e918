import type {TelcoBill} from '../src/templates/telco-bill/telco-bill-schema';
import {sampleTelcoBill} from '../src/templates/telco-bill/sample-telco-bill';

const names = ['Giulia Rossi', 'Marco Bianchi', 'Aoife Byrne', 'Kim Min-jun', 'Sofia Conti', 'Liam Walsh'];

/** Customers with different names, amounts and usage, all on the full-length telco bill. */
export const benchCustomers = (count: number): TelcoBill[] =>
	Array.from({length: count}, (_, index) => {
		const roaming = 900 + index * 137;
		const lineItems = sampleTelcoBill.lineItems.map((item) => (item.category === 'roaming' ? {...item, amount: roaming} : item));
		return {
			...sampleTelcoBill,
			customer: {...sampleTelcoBill.customer, id: `BENCH-${index + 1}`, name: names[index % names.length]!},
			billNumber: `BENCH-${index + 1}`,
			lineItems,
			amountDue: lineItems.reduce((sum, item) => sum + item.amount, 0),
			previousAmount: 5000 + index * 250,
		};
	});
