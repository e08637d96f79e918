import {auroraMobileLogo} from '../../fixtures/brand-logos';
import type {TelcoBill} from './telco-bill-schema';

/** The bill `npm start` renders and Studio opens with: a mid-size mobile bill with roaming and a discount. */
export const sampleTelcoBill: TelcoBill = {
	customer: {id: 'CUST-100482', name: 'Giulia Rossi', locale: 'en-GB', currency: 'EUR'},
	billNumber: 'INV-2026-11-0042',
	period: {start: '2026-10-01', end: '2026-10-31'},
	issueDate: '2026-11-03',
	dueDate: '2026-11-21',
	amountDue: 6840,
	previousAmount: 5200,
	lineItems: [
		{category: 'plan', label: 'Unlimited Plus 5G', amount: 3500},
		{category: 'addons', label: 'Extra 10 GB', amount: 500},
		{category: 'roaming', label: 'Roaming in France', amount: 1840},
		{category: 'devices', label: 'Phone instalment 8 of 24', amount: 1500},
		{category: 'credits', label: 'Loyalty discount', amount: -500},
	],
	previousByCategory: {plan: 3500, addons: 500, devices: 1500, credits: -300},
	usage: {
		data: {used: 23.4, allowance: 30},
		minutes: {used: 312, allowance: null},
		sms: {used: 41, allowance: 500},
	},
	payment: {status: 'due', payUrl: 'https://pay.aurora-mobile.example/checkout'},
	billPdfUrl: 'https://my.aurora-mobile.example/bills/INV-2026-11-0042.pdf',
	paymentHistory: [
		{date: '2026-10-20', amount: 5200, method: 'Card ending 4242'},
		{date: '2026-09-19', amount: 4980, method: 'Card ending 4242'},
		{date: '2026-08-21', amount: 5000, method: 'Bank transfer'},
	],
	brand: {name: 'Aurora Mobile', primaryColor: '#4B2BD6', accentColor: '#FFB020', logoUrl: auroraMobileLogo, supportEmail: 'help@aurora-mobile.example'},
};
