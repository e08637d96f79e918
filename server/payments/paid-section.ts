import {messagesFor} from '../../src/i18n/catalogue';
import {paidNotice, type PaidState} from '../../src/paid-state';
import {html, type SafeHtml} from '../platform/html';

/** Takes the pay button's place on the watch page once the tenant has confirmed the payment. */
export const paidSection = (paid: PaidState, locale: string): SafeHtml =>
	html`<p class="paid" role="status" data-billcast-paid><strong>${messagesFor(locale).paidTitle}</strong> · ${paidNotice(paid, locale)}</p>`;
