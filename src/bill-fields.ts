import {z} from 'zod';

// The fields every template's bill is made of: money, dates, links, the customer and the brand.

/** Money is always an integer count of the currency's minor units (cents; won for KRW). */
export const minorUnits = z
	.number({error: 'must be a number of minor units (for example 4250 for 42.50)'})
	.int('must be a whole number of minor units (for example 4250 for 42.50), not a decimal')
	.refine(Number.isSafeInteger, 'is too large');

export const isoDate = z.iso.date({error: 'must be a date written as YYYY-MM-DD'});

const hexColor = z
	.string()
	.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written as #RRGGBB');

const isKnownLocale = (tag: string): boolean => {
	try {
		return Intl.getCanonicalLocales(tag).length === 1 && Intl.NumberFormat.supportedLocalesOf(tag).length === 1;
	} catch {
		return false;
	}
};

/** Intl formats any three capital letters as a currency ("EUX 76.78"), so only the codes it knows are taken. */
let currencies: ReadonlySet<string> | undefined;
const isKnownCurrency = (code: string): boolean => (currencies ??= new Set(Intl.supportedValuesOf('currency'))).has(code);

/**
 * Text the video, captions and pages show. A control character (a NUL went raw into captions.vtt), a bidirectional
 * override (it turns the rest of a line around, the trick of spoofed names) or half a surrogate pair has no place in it.
 */
const unshowable = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const shownText = (max: number) =>
	z
		.string()
		.trim()
		.min(1)
		.max(max)
		.refine((text) => !unshowable.test(text), 'must not contain control characters, bidirectional overrides or broken surrogate pairs');

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
	name: shownText(80),
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
			method: shownText(60).optional(),
		}),
	)
	.max(24, 'at most 24 payments: the last two years of monthly bills');

export type PaymentHistory = z.infer<typeof paymentHistorySchema>;

export const paymentStatuses = ['due', 'paid', 'autopay', 'overdue'] as const;

export const customerSchema = z.object({
	id: z
		.string()
		.min(1)
		.max(64)
		// A billing system's own reference (CUST-1, urn:acme:customer:42, 0044/7710): any visible ASCII, as it is only
		// ever sent back (exports, webhooks, checkout links, each escaped for its place) and made safe in render ids.
		.regex(/^[\x21-\x7E]+$/, 'may contain only visible ASCII characters, without spaces'),
	name: shownText(200),
	locale: z.string().refine(isKnownLocale, 'must be a BCP 47 locale such as en-GB, it-IT or ko-KR'),
	currency: z.string().refine(isKnownCurrency, 'must be an ISO 4217 currency code such as EUR or KRW'),
});

export const periodSchema = z
	.object({start: isoDate, end: isoDate})
	.refine((p) => p.end >= p.start, {message: 'must not end before it starts', path: ['end']});

/** A date of the bill that cannot come before another one, for a video that would tell of them in the wrong order. */
export const checkNotBefore = ({ctx, path, date, earliest}: {ctx: z.RefinementCtx; path: PropertyKey[]; date: string; earliest: {name: string; date: string}}) => {
	if (date < earliest.date) ctx.addIssue({code: 'custom', path, message: `must not be before ${earliest.name} (${earliest.date})`});
};

/** What the customer is asked to pay now: the bill's total less what was already paid of it. */
export const amountToPay = (bill: {amountDue: number; payment: {amountPaid?: number | undefined}}): number =>
	bill.amountDue - (bill.payment.amountPaid ?? 0);
export type PaymentStatus = (typeof paymentStatuses)[number];
export type Customer = z.infer<typeof customerSchema>;
export type Brand = z.infer<typeof brandSchema>;
