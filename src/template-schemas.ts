import {z} from 'zod';
import {telcoBillSchema} from './templates/telco-bill/telco-bill-schema';
import {paymentReminderSchema} from './templates/payment-reminder/payment-reminder-schema';
import {utilityBillSchema} from './templates/utility-bill/utility-bill-schema';

/**
 * `{template, bill}` checked as a pair, plus the fields `shape` adds: the template names which bill schema applies,
 * so a utility bill sent as a telco bill is refused field by field.
 */
export const templateBillSchema = <Shape extends z.core.$ZodLooseShape>(shape: Shape) =>
	z.discriminatedUnion('template', [
		z.object({...shape, template: z.literal('telco-bill'), bill: telcoBillSchema}),
		z.object({...shape, template: z.literal('utility-bill'), bill: utilityBillSchema}),
		z.object({...shape, template: z.literal('payment-reminder'), bill: paymentReminderSchema}),
	]);
