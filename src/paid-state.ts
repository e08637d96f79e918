import {z} from 'zod';
import {formatDate} from './dates';
import {fill, messagesFor} from './i18n/catalogue';
import {formatMoney} from './money';
import {templateOf, type TemplateBill} from './templates/registry';
import type {HotspotKind} from './timeline';

/** A bill the tenant has confirmed paid, as the watch page and the player show it: amount in minor units, ISO time. */
export const paidStateSchema = z.object({amount: z.number().int(), currency: z.string(), paidAt: z.string()});
export type PaidState = z.infer<typeof paidStateSchema>;

/** "We received €42.50 on 21 November 2026. Thank you!" in the customer's language and currency. */
export const paidNotice = (paid: PaidState, locale: string): string =>
	fill(messagesFor(locale).paidNotice, {
		amount: formatMoney({minor: paid.amount, currency: paid.currency, locale}),
		date: formatDate(paid.paidAt.slice(0, 10), locale),
	});

/**
 * The calls to action that ask for money: paying now and an instalment plan. A paid bill offers neither, in the
 * player or on the watch page; calling, mailing and the bill's PDF stay.
 */
export const asksForMoney = ({kind}: {kind: HotspotKind}): boolean => kind === 'pay' || kind === 'instalments';

/** The bill as its template draws it once paid (its own paid state), still paired with its template. */
export const asPaidBill = <I extends TemplateBill>(input: I): I =>
	// The registry's paid bill is the same template's bill, so the pair still matches.
	({...input, bill: templateOf(input.template).paid(input.bill)}) as I;
