import {z} from 'zod';
import {isoDate} from '../bill-fields';

/**
 * TM Forum TMF678 Customer Bill Management input, v4 and v5 field names side by side. Every object is loose: a TMF
 * payload carries `@type`, `href` and fields billcast has no use for, and refusing them would refuse real bills. Only
 * the shape is checked here; whether a value maps to the bill is tmf678ToBill's question, so its answer names the field.
 */

/** TMF Money. `value` is a JSON number in the specification; a string is taken too, as some systems send one. */
const tmfMoneySchema = z.looseObject({
	unit: z.string({error: 'must be an ISO 4217 currency code such as EUR'}),
	value: z.union([z.number(), z.string()], {error: 'must be a decimal number such as 68.40'}),
});

/**
 * ISO 8601: a date, or a date and a time of day with an optional offset, extended (+01:00) or basic (+0100). Written
 * here rather than zod's z.iso.datetime, which refuses the basic offset some billing systems send.
 */
const dateTimePattern = /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/;

const dateTimeMessage = 'must be an ISO 8601 date-time such as 2026-11-03T00:00:00Z';

/** An ISO 8601 date-time (a plain date is taken too); the bill keeps the calendar date as the issuer wrote it. */
const tmfDateTimeSchema = z
	// A missing date is left to the shared "is required" (server/platform/zod-field-errors.ts), not called malformed.
	.string({error: (issue) => (issue.input === undefined ? undefined : dateTimeMessage)})
	.refine((value) => dateTimePattern.test(value) && isoDate.safeParse(value.slice(0, 10)).success, {message: dateTimeMessage});

const text = z.string().optional();

/** TMF leaves roles and section names to each operator: "BillReceiver", "bill_receiver" and "Bill receiver" are one word. */
export const tmfWord = (word: string): string => word.toLowerCase().replace(/[\s_-]/g, '');

/** v4 names the party on the related party itself; v5 wraps it in `partyOrPartyRole` (a PartyRef or a PartyRoleRef). */
const relatedPartySchema = z.looseObject({
	role: text,
	id: text,
	name: text,
	partyOrPartyRole: z.looseObject({id: text, name: text, partyId: text, partyName: text}).optional(),
});

/** v4 AttachmentRefOrValue, or v5's Attachment or AttachmentRef: each has `url`. */
const billDocumentSchema = z.looseObject({url: text, mimeType: text, name: text});

/** Only the tax amount is read; the rate, in whatever form a system writes it, is left as it came. */
const taxItemSchema = z.looseObject({taxCategory: text, taxAmount: tmfMoneySchema});

const appliedPaymentSchema = z.looseObject({appliedAmount: tmfMoneySchema});

/** TMF670's payment method, referred to by its type: `@referredType` on a v4 or v5 PaymentMethodRef. */
const paymentMethodSchema = z.looseObject({'@referredType': text, '@type': text, name: text});

const tmfCustomerBillSchema = z.looseObject({
	id: text,
	billNo: z.string({error: 'is required: the bill number the customer sees'}),
	billDate: tmfDateTimeSchema,
	/** TMF678 gives a period to onCycle bills only; an offCycle bill (a one-off charge, a final bill) may have none. */
	billingPeriod: z.looseObject({startDateTime: tmfDateTimeSchema, endDateTime: tmfDateTimeSchema}).optional(),
	runType: text,
	paymentDueDate: tmfDateTimeSchema,
	amountDue: tmfMoneySchema,
	remainingAmount: tmfMoneySchema.optional(),
	taxIncludedAmount: tmfMoneySchema.optional(),
	taxItem: z.array(taxItemSchema).optional(),
	relatedParty: z.array(relatedPartySchema, {error: 'is required: it names the bill receiver'}),
	billDocument: z.array(billDocumentSchema).optional(),
	appliedPayment: z.array(appliedPaymentSchema).optional(),
	state: text,
	paymentMethod: paymentMethodSchema.optional(),
});

/** v5 (and some characteristics) carry `@type` StringCharacteristic and so on; only a string value can name a section. */
const characteristicSchema = z.looseObject({name: z.string(), value: z.unknown()});

const tmfAppliedBillingRateSchema = z.looseObject({
	name: text,
	description: text,
	/** v4's rate type. */
	type: text,
	/** v5's name for `type`. */
	appliedBillingRateType: text,
	/** Only rates on the bill count; a rate not billed yet belongs to a later bill. */
	isBilled: z.boolean().optional(),
	taxIncludedAmount: tmfMoneySchema.optional(),
	taxExcludedAmount: tmfMoneySchema.optional(),
	characteristic: z.array(characteristicSchema).optional(),
	bill: z.looseObject({id: text}).optional(),
});

export const tmf678Schema = z.looseObject({
	customerBill: tmfCustomerBillSchema,
	appliedCustomerBillingRate: z.array(tmfAppliedBillingRateSchema, {
		error: 'is required: the applied customer billing rates of the bill, an empty list when there are none',
	}),
});

export type TmfMoney = z.infer<typeof tmfMoneySchema>;
export type TmfCustomerBill = z.infer<typeof tmfCustomerBillSchema>;
export type TmfAppliedBillingRate = z.infer<typeof tmfAppliedBillingRateSchema>;
export type Tmf678 = z.infer<typeof tmf678Schema>;
