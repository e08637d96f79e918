import {useEffect, useId, useRef} from 'react';
import type {BillSummary} from '../../src/summary-shape';
import {checkoutUrl} from '../../src/checkout-url';
import {formatDate} from '../../src/dates';
import {fill, messagesFor, writtenLocale} from '../../src/i18n/catalogue';
import {formatMoney} from '../../src/money';

/**
 * The sheet over the paused video: what is owed, by when, for which bill, and the way to the tenant's checkout with
 * the bill reference and amount. Modal within the player, whose box it stays in (a host page's embed is not the
 * player's to cover): Tab stays inside it; Escape, the close button or a click beside it, in the player or on the
 * page around it, closes it, and the shell returns focus to whatever opened it.
 */
export const PaySheet: React.FC<{
	bill: BillSummary;
	/** Past its due date today (`isOverdueOn`, as the page's badge): the sheet says the date has passed. */
	overdue: boolean;
	payUrl: string;
	target: '_blank' | '_self';
	onPay: () => void;
	onClose: () => void;
}> = ({bill, overdue, payUrl, target, onPay, onClose}) => {
	const sheetRef = useRef<HTMLDivElement>(null);
	const payRef = useRef<HTMLAnchorElement>(null);
	const titleId = useId();
	const payId = useId();
	useEffect(() => {
		payRef.current?.focus();
		const onKey = (event: KeyboardEvent) => {
			if (event.key === 'Escape') {
				event.preventDefault();
				onClose();
				return;
			}
			if (event.key !== 'Tab' || !sheetRef.current) return;
			const focusable = [...sheetRef.current.querySelectorAll<HTMLElement>('a[href],button')];
			const first = focusable[0];
			const last = focusable.at(-1);
			const inside = sheetRef.current.contains(document.activeElement);
			if (event.shiftKey && (!inside || document.activeElement === first)) {
				event.preventDefault();
				last?.focus();
			} else if (!event.shiftKey && (!inside || document.activeElement === last)) {
				event.preventDefault();
				first?.focus();
			}
		};
		const onPointerDown = (event: PointerEvent) => {
			if (!sheetRef.current?.parentElement?.contains(event.target as Node)) onClose();
		};
		document.addEventListener('keydown', onKey);
		document.addEventListener('pointerdown', onPointerDown);
		return () => {
			document.removeEventListener('keydown', onKey);
			document.removeEventListener('pointerdown', onPointerDown);
		};
	}, [onClose]);
	const {locale, currency} = bill.customer;
	const messages = messagesFor(locale);
	const amount = formatMoney({minor: bill.amountDue, currency, locale});
	return (
		<div className="bc-backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
			{/* Named for what it is for ("Pay €68.40 now") and whom: the brand alone says nothing of it. */}
			<div ref={sheetRef} className="bc-sheet" role="dialog" aria-modal="true" aria-labelledby={`${payId} ${titleId}`} lang={writtenLocale(locale)}>
				<h2 id={titleId}>{bill.brand.name}</h2>
				<dl>
					<dt>{messages.player.amountDue}</dt>
					<dd className="bc-amount" data-testid="sheet-amount">
						{amount}
					</dd>
					<dt>{messages.player.dueDate}</dt>
					<dd>{overdue ? fill(messages.dueDatePassed, {date: formatDate(bill.dueDate, locale)}) : formatDate(bill.dueDate, locale)}</dd>
					<dt>{messages.player.billNumber}</dt>
					<dd>{bill.billNumber}</dd>
				</dl>
				<a ref={payRef} id={payId} className="bc-pay" href={checkoutUrl(bill, payUrl)} target={target} rel="noopener" onClick={onPay}>
					{fill(messages.payNow, {amount})}
				</a>
				<button type="button" className="bc-close" onClick={onClose}>
					{messages.player.closeSheet}
				</button>
			</div>
		</div>
	);
};
