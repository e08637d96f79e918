import type {TelcoBill} from './telco-bill/telco-bill-schema';
import type {PaymentReminder} from './payment-reminder/payment-reminder-schema';
import type {UtilityBill} from './utility-bill/utility-bill-schema';

export const templateIds = ['telco-bill', 'utility-bill', 'payment-reminder'] as const;
export type TemplateId = (typeof templateIds)[number];

/** The bill each template explains, paired with its template so one check narrows both. */
export type TemplateBill =
	| {readonly template: 'telco-bill'; readonly bill: TelcoBill}
	| {readonly template: 'utility-bill'; readonly bill: UtilityBill}
	| {readonly template: 'payment-reminder'; readonly bill: PaymentReminder};

export type BillOf<T extends TemplateId> = Extract<TemplateBill, {template: T}>['bill'];
