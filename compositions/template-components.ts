import type {TemplateId} from '../src/templates/registry';
import {PaymentReminder} from './payment-reminder/payment-reminder';
import {TelcoBill} from './telco-bill/telco-bill';
import {UtilityBill} from './utility-bill/utility-bill';

/** The component of each template, for the player page; the Studio root registers the same ones. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const templateComponents: Record<TemplateId, React.FC<any>> = {
	'telco-bill': TelcoBill,
	'utility-bill': UtilityBill,
	'payment-reminder': PaymentReminder,
};
