import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';

/** The shortest bill the timeline allows: greeting, total, due (paid) and close. */
export const shortBill: TelcoBill = {
	...sampleTelcoBill,
	customer: {...sampleTelcoBill.customer, id: 'CUST-SHORT'},
	lineItems: [],
	previousByCategory: undefined,
	amountDue: 3000,
	usage: undefined,
	payment: {status: 'paid'},
	billPdfUrl: undefined,
};
