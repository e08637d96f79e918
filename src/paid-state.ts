import {z} from 'zod';
import {formatDate} from './dates';
import {fill, messagesFor} from './i18n/catalogue';
import {formatMoney} from './money';
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
