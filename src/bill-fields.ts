import {z} from 'zod';
import {MAX_MINOR_UNITS, TOO_LARGE} from './money';

// The fields every template's bill is made of: money, dates, links, the customer and the brand.

/** Money is always an integer count of the currency's minor units (cents; won for KRW), at most MAX_MINOR_UNITS either way. */
export const minorUnits = z
	.number({error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number of minor units (for example 4250 for 42.50)')})
	.int('must be a whole number of minor units (for example 4250 for 42.50), not a decimal')
	.min(-MAX_MINOR_UNITS, TOO_LARGE)
	.max(MAX_MINOR_UNITS, TOO_LARGE);

// A missing date is "required", not malformed: the schema's own message would otherwise win over the shared one.
export const isoDate = z.iso.date({error: (issue) => (issue.input === undefined ? 'is required' : 'must be a date written as YYYY-MM-DD')});

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
 * embedding, override or isolate, or half a surrogate pair has no place in it. Isolates (U+2066–2069) are refused like
 * overrides (U+202A–202E): each opens a direction that holds until its closing character, so one left open turns the
 * rest of a caption line or page around, the trick of spoofed names (Trojan Source). The marks U+200E and U+200F,
 * which change no following text, stay allowed: mixed right-to-left names need them.
 */
const unshowable = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A character that leaves a mark. Spaces, format characters (a zero-width space, a soft hyphen), the code points
 * fonts draw as nothing (a Hangul filler, Default_Ignorable_Code_Point), a combining mark with nothing to sit on and
 * the blank Braille pattern are not: a name made only of them greets the customer with a bare "Hi".
 */
const visible = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cn}\p{Mn}\p{Me}\u2800]/u;

export const shownText = (max: number) =>
	z
		.string()
		.trim()
		// An empty text is too short, and only that: not also one with no visible character.
		.min(1, {abort: true})
		.max(max)
		.refine((text) => !unshowable.test(text), 'must not contain control characters, bidirectional overrides or broken surrogate pairs')
		.refine((text) => visible.test(text), 'must contain a visible character');

export const httpUrl = z.url({protocol: /^https?$/, error: 'must be an http(s) URL'});

/**
 * The render browser fetches the logo, so only https (never a plain-http host inside the network) or an inline image;
 * a logo that cannot be loaded fails the render with its address.
 */
const logoUrl = z
	.string()
	.max(100_000, 'must be at most 100,000 characters')
	.regex(/^(https:\/\/[^\s/?#]+[^\s]*|data:image\/(png|jpeg|webp|svg\+xml)(;base64)?,\S+)$/, 'must be an https URL or a data:image/ URI (png, jpeg, webp or svg+xml)');

export const brandSchema = z.strictObject({
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
		z.strictObject({
			date: isoDate,
			amount: minorUnits.refine((n) => n > 0, 'must be more than zero: a payment received'),
			/** How it was paid, as the customer knows it ("Card ending 4242", "Direct debit"). */
			method: shownText(60).optional(),
		}),
	)
	.max(24, 'at most 24 payments: the last two years of monthly bills');

export type PaymentHistory = z.infer<typeof paymentHistorySchema>;

export const paymentStatuses = ['due', 'paid', 'autopay', 'overdue'] as const;

export const customerSchema = z.strictObject({
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

/**
 * Only two real dates have an order: beside "must be a date written as YYYY-MM-DD" for 2026-04-31, a second complaint
 * that the dates are out of order would be false (zod runs these checks after a malformed date, which does not abort).
 */
export const areDates = (...dates: string[]): boolean => dates.every((date) => isoDate.safeParse(date).success);

export const periodSchema = z
	.strictObject({start: isoDate, end: isoDate})
	.refine((p) => !areDates(p.start, p.end) || p.end >= p.start, {message: 'must not end before it starts', path: ['end']});

/** A date of the bill that cannot come before another one, for a video that would tell of them in the wrong order. */
export const checkNotBefore = ({ctx, path, date, earliest}: {ctx: z.RefinementCtx; path: PropertyKey[]; date: string; earliest: {name: string; date: string}}) => {
	if (areDates(date, earliest.date) && date < earliest.date) ctx.addIssue({code: 'custom', path, message: `must not be before ${earliest.name} (${earliest.date})`});
};

/** What the customer is asked to pay now: the bill's total less what was already paid of it. */
export const amountToPay = (bill: {amountDue: number; payment: {amountPaid?: number | undefined}}): number =>
	bill.amountDue - (bill.payment.amountPaid ?? 0);
export type PaymentStatus = (typeof paymentStatuses)[number];
export type Customer = z.infer<typeof customerSchema>;
export type Brand = z.infer<typeof brandSchema>;
