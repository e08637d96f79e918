import {z} from 'zod';
import {needsPayment} from './needs-payment';

/** Money is always an integer count of the currency's minor units (cents; won for KRW). */
export const minorUnits = z
	.number({error: 'must be a number of minor units (for example 4250 for 42.50)'})
	.int('must be a whole number of minor units (for example 4250 for 42.50), not a decimal')
	.refine(Number.isSafeInteger, 'is too large');

export const isoDate = z.iso.date({error: 'must be a date written as YYYY-MM-DD'});

export const hexColor = z
	.string()
	.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written as #RRGGBB');

const isKnownLocale = (tag: string): boolean => {
	try {
		return Intl.getCanonicalLocales(tag).length === 1 && Intl.NumberFormat.supportedLocalesOf(tag).length === 1;
	} catch {
		return false;
	}
};

const isKnownCurrency = (code: string): boolean => {
	try {
		new Intl.NumberFormat('en', {style: 'currency', currency: code});
		return /^[A-Z]{3}$/.test(code);
	} catch {
		return false;
	}
};

/** `other` holds the lines an issuer's data does not place (an invoice section billcast cannot tell), under their own names. */
export const lineItemCategories = ['plan', 'addons', 'roaming', 'devices', 'one_off', 'other', 'credits', 'taxes'] as const;
export type LineItemCategory = (typeof lineItemCategories)[number];

export const lineItemSchema = z
	.object({
		category: z.enum(lineItemCategories),
		label: z.string().trim().min(1).max(200),
		amount: minorUnits,
	})
	.refine((item) => item.category !== 'credits' || item.amount <= 0, {
		message: 'credits and discounts must be zero or negative amounts',
		path: ['amount'],
	});

/** `allowance: null` means unlimited. */
export const usageMeterSchema = z.object({
	used: z.number().nonnegative(),
	allowance: z.number().positive().nullable(),
});

export const httpUrl = z.url({protocol: /^https?$/, error: 'must be an http(s) URL'});

/**
 * The render browser fetches the logo, so only https (never a plain-http host inside the network) or an inline image;
 * a logo that cannot be loaded fails the render with its address.
 */
const logoUrl = z
	.string()
	.max(100_000, 'must be at most 100,000 characters')
	.regex(/^(https:\/\/[^\s/?#]+[^\s]*|data:image\/(png|jpeg|webp|svg\+xml)(;base64)?,\S+)$/, 'must be an https URL or a data:image/ URI (png, jpeg, webp or svg+xml)');

export const brandSchema = z.object({
	name: z.string().trim().min(1).max(80),
	primaryColor: hexColor,
	accentColor: hexColor.optional(),
	logoUrl: logoUrl.optional(),
	/** Where customers write to the supplier; the video's thanks offers an "email us" button. */
	supportEmail: z.email({error: 'must be an email address'}).max(120).optional(),
});

/** Payments already received, newest first, shown on the watch page so a customer sees their record with the supplier. */
export const paymentHistorySchema = z
	.array(
		z.object({
			date: isoDate,
			amount: minorUnits.refine((n) => n > 0, 'must be more than zero: a payment received'),
			/** How it was paid, as the customer knows it ("Card ending 4242", "Direct debit"). */
			method: z.string().trim().min(1).max(60).optional(),
		}),
	)
	.max(24, 'at most 24 payments: the last two years of monthly bills');

export type PaymentHistory = z.infer<typeof paymentHistorySchema>;

export const paymentStatuses = ['due', 'paid', 'autopay', 'overdue'] as const;

/** Shared by every template's bill. */
export const customerSchema = z.object({
	id: z
		.string()
		.min(1)
		.max(64)
		.regex(/^[A-Za-z0-9._-]+$/, 'may contain only letters, digits, dot, underscore and hyphen'),
	name: z.string().trim().min(1).max(200),
	locale: z.string().refine(isKnownLocale, 'must be a BCP 47 locale such as en-GB, it-IT or ko-KR'),
	currency: z.string().refine(isKnownCurrency, 'must be an ISO 4217 currency code such as EUR or KRW'),
});

export const periodSchema = z
	.object({start: isoDate, end: isoDate})
	.refine((p) => p.end >= p.start, {message: 'must not end before it starts', path: ['end']});

export const billSchema = z
	.object({
		customer: customerSchema,
		billNumber: z.string().trim().min(1).max(64),
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
		/** Every charge and credit on the bill; an empty list when there are none. */
		lineItems: z.array(lineItemSchema).max(500),
		/** The previous bill's total per category, so the video can name the reason for the biggest change. */
		previousByCategory: z.partialRecord(z.enum(lineItemCategories), minorUnits).optional(),
		/** The bill as a PDF; when given the video offers a "view your bill" button. */
		billPdfUrl: httpUrl.optional(),
		paymentHistory: paymentHistorySchema.optional(),
		usage: z
			.object({
				/** Gigabytes. */
				data: usageMeterSchema.optional(),
				minutes: usageMeterSchema.optional(),
				sms: usageMeterSchema.optional(),
			})
			.optional(),
		payment: z.object({
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

export type Bill = z.infer<typeof billSchema>;

/** What the customer is asked to pay now: the bill's total less what was already paid of it. */
export const amountToPay = (bill: {amountDue: number; payment: {amountPaid?: number | undefined}}): number =>
	bill.amountDue - (bill.payment.amountPaid ?? 0);
export type LineItem = z.infer<typeof lineItemSchema>;
export type UsageMeter = z.infer<typeof usageMeterSchema>;
export type PaymentStatus = (typeof paymentStatuses)[number];
