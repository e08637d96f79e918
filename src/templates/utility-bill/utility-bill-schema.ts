import {z} from 'zod';
import {messageVariantSchema} from '../../message-variants';
import {needsPayment} from '../../needs-payment';
import {checkConsumption} from './check-consumption';
import {brandSchema, checkNotBefore, customerSchema, shownText, httpUrl, isoDate, minorUnits, paymentHistorySchema, paymentStatuses, periodSchema} from '../../bill-fields';

const utilityKinds = ['electricity', 'gas', 'water'] as const;
export type UtilityKind = (typeof utilityKinds)[number];

/** The unit each utility is metered in; shown after every consumption figure. */
export const utilityUnits: Record<UtilityKind, string> = {electricity: 'kWh', gas: 'm³', water: 'm³'};

const consumptionPointSchema = z.strictObject({
	/** The last day of the metered period. */
	periodEnd: isoDate,
	amount: z.number().nonnegative(),
});

export const utilityBillSchema = z
	.strictObject({
		customer: customerSchema,
		billNumber: shownText(64),
		kind: z.enum(utilityKinds),
		period: periodSchema,
		issueDate: isoDate,
		dueDate: isoDate,
		amountDue: minorUnits,
		/** The wording of the due scene; a batch experiment sets it per bill. */
		messageVariant: messageVariantSchema.optional(),
		/** Up to the last 12 metered periods, oldest first, each from the day after the one before; the last one is this bill's period (see checkConsumption). */
		consumption: z.array(consumptionPointSchema).min(1).max(12),
		/** Consumption in the same period a year earlier, when the meter has that history. */
		samePeriodLastYear: z.number().nonnegative().optional(),
		/** What the bill is made of: the energy (for water, the water supply), the network (for water, the wastewater), and taxes. */
		cost: z.strictObject({energy: minorUnits, network: minorUnits, taxes: minorUnits}),
		/** Average consumption of similar homes in the same period, when the supplier has it. */
		similarHomes: z.number().positive().optional(),
		payment: z.strictObject({
			status: z.enum(paymentStatuses),
			payUrl: httpUrl.optional(),
			cardLast4: z.string().regex(/^\d{4}$/, 'must be the last four digits of the card').optional(),
		}),
		billPdfUrl: httpUrl.optional(),
		paymentHistory: paymentHistorySchema.optional(),
		brand: brandSchema,
	})
	.superRefine((bill, ctx) => {
		checkNotBefore({ctx, path: ['dueDate'], date: bill.dueDate, earliest: {name: "the bill's issue date", date: bill.issueDate}});
		const sum = bill.cost.energy + bill.cost.network + bill.cost.taxes;
		if (sum !== bill.amountDue) {
			ctx.addIssue({
				code: 'custom',
				path: ['amountDue'],
				message: `must equal cost.energy + cost.network + cost.taxes (${sum} minor units), but is ${bill.amountDue}`,
			});
		}
		if (needsPayment({status: bill.payment.status, amountDue: bill.amountDue}) && !bill.payment.payUrl) {
			ctx.addIssue({code: 'custom', path: ['payment', 'payUrl'], message: 'is required when the payment status is due or overdue and an amount is owed'});
		}
		checkConsumption(bill, ctx);
	});

export type UtilityBill = z.infer<typeof utilityBillSchema>;
