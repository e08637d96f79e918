import {z} from 'zod';
import {needsPayment} from '../../needs-payment';
import {messageVariantSchema} from '../../message-variants';
import {brandSchema, checkNotBefore, customerSchema, shownText, httpUrl, isoDate, minorUnits, paymentHistorySchema, paymentStatuses, periodSchema} from '../../bill-fields';

/** `other` holds the lines an issuer's data does not place (an invoice section billcast cannot tell), under their own names. */
export const lineItemCategories = ['plan', 'addons', 'roaming', 'devices', 'one_off', 'other', 'credits', 'taxes'] as const;
export type LineItemCategory = (typeof lineItemCategories)[number];

const lineItemSchema = z
	.strictObject({
		category: z.enum(lineItemCategories),
		label: shownText(200),
		amount: minorUnits,
	})
	.refine((item) => item.category !== 'credits' || item.amount <= 0, {
		message: 'credits and discounts must be zero or negative amounts',
		path: ['amount'],
	});

/**
 * `allowance: null` means unlimited, and 0 that nothing is included (pay per use), so any use is over it. Minutes and
 * texts are counted one by one; data is in gigabytes, so decimals.
 */
const usageMeterSchema = (unit: 'gigabytes' | 'minutes' | 'texts') => {
	const amount = z.number().nonnegative(`must be zero or more ${unit}`);
	const counted = unit === 'gigabytes' ? amount : amount.int(`must be a whole number of ${unit}`);
	return z.strictObject({
		used: counted,
		allowance: counted.nullable(),
	});
};

export const telcoBillSchema = z
	.strictObject({
		customer: customerSchema,
		billNumber: shownText(64),
		period: periodSchema,
		issueDate: isoDate,
		dueDate: isoDate,
		amountDue: minorUnits,
		/** The previous bill's total; absent when it is not known, and then the video makes no comparison. */
		previousAmount: minorUnits.optional(),
		/**
		 * True only when the issuer says this is the customer's first bill: a missing previous amount may just be unknown,
		 * and a video that calls it a first bill would invent a fact.
		 */
		firstBill: z.boolean().optional(),
		/** The wording of the due scene; a batch experiment sets it per bill. */
		messageVariant: messageVariantSchema.optional(),
		/** Every charge and credit on the bill; an empty list when there are none. */
		lineItems: z.array(lineItemSchema).max(500),
		/** The previous bill's total per category, so the video can name the reason for the biggest change. */
		previousByCategory: z.partialRecord(z.enum(lineItemCategories), minorUnits).optional(),
		/** The bill as a PDF; when given the video offers a "view your bill" button. */
		billPdfUrl: httpUrl.optional(),
		paymentHistory: paymentHistorySchema.optional(),
		usage: z
			.strictObject({
				data: usageMeterSchema('gigabytes').optional(),
				minutes: usageMeterSchema('minutes').optional(),
				sms: usageMeterSchema('texts').optional(),
			})
			.optional(),
		payment: z.strictObject({
			status: z.enum(paymentStatuses),
			payUrl: httpUrl.optional(),
			cardLast4: z
				.string()
				.regex(/^\d{4}$/, 'must be the last four digits of the card')
				.optional(),
			/**
			 * What the customer has already paid of this bill; the rest is what the video asks for, while amountDue and the
			 * line items stay the whole bill.
			 */
			amountPaid: minorUnits.refine((n) => n > 0, 'must be more than zero: a payment received').optional(),
		}),
		brand: brandSchema,
	})
	.superRefine((bill, ctx) => {
		checkNotBefore({ctx, path: ['dueDate'], date: bill.dueDate, earliest: {name: "the bill's issue date", date: bill.issueDate}});
		if (bill.lineItems.length > 0) {
			const sum = bill.lineItems.reduce((total, item) => total + item.amount, 0);
			if (sum !== bill.amountDue) {
				ctx.addIssue({
					code: 'custom',
					path: ['amountDue'],
					message: `must equal the sum of lineItems (${sum} minor units), but is ${bill.amountDue}: every amount on the bill must be explained`,
				});
			}
		}
		if (bill.firstBill && (bill.previousAmount !== undefined || bill.previousByCategory !== undefined)) {
			ctx.addIssue({
				code: 'custom',
				path: ['firstBill'],
				message: 'cannot be true when the bill has a previousAmount or previousByCategory: a first bill has no previous one',
			});
		}
		const {amountPaid, status} = bill.payment;
		if (amountPaid !== undefined && ((status !== 'due' && status !== 'overdue') || amountPaid >= bill.amountDue)) {
			ctx.addIssue({
				code: 'custom',
				path: ['payment', 'amountPaid'],
				message: `must be less than amountDue (${bill.amountDue}) on a bill that is due or overdue: it is the part already paid, and the rest is asked for`,
			});
		}
		if (needsPayment({status, amountDue: bill.amountDue}) && !bill.payment.payUrl) {
			ctx.addIssue({
				code: 'custom',
				path: ['payment', 'payUrl'],
				message: 'is required when the payment status is due or overdue and an amount is owed',
			});
		}
	});

export type TelcoBill = z.infer<typeof telcoBillSchema>;

export type LineItem = z.infer<typeof lineItemSchema>;
export type UsageMeter = z.infer<ReturnType<typeof usageMeterSchema>>;
