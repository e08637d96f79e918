import {useEffect, useRef} from 'react';
import type {BillSummary} from '../../src/bill-summary';
import {checkoutUrl} from '../../src/checkout-url';
import {formatDate} from '../../src/dates';
import {fill, messagesFor} from '../../src/i18n/catalogue';
import {formatMoney} from '../../src/money';

/**
 * The sheet over the paused video: what is owed, by when, for which bill, and the way to the tenant's checkout with
 * the bill reference and amount. Escape or the close button (or a click beside it) closes it and the video resumes.
 */
export const PaySheet: React.FC<{
	bill: BillSummary;
	payUrl: string;
	target: '_blank' | '_self';
	onPay: () => void;
	onClose: () => void;
}> = ({bill, payUrl, target, onPay, onClose}) => {
	const payRef = useRef<HTMLAnchorElement>(null);
	useEffect(() => {
		payRef.current?.focus();
		const onKey = (event: KeyboardEvent) => {
			if (event.key === 'Escape') onClose();
		};
		document.addEventListener('keydown', onKey);
		return () => document.removeEventListener('keydown', onKey);
	}, [onClose]);
	const {locale, currency} = bill.customer;
	const amount = formatMoney({minor: bill.amountDue, currency, locale});
	return (
		<div className="bc-backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
			<div className="bc-sheet" role="dialog" aria-modal="true" aria-labelledby="bc-sheet-title">
				<h2 id="bc-sheet-title">{bill.brand.name}</h2>
				<dl>
					<dt>Amount due</dt>
					<dd className="bc-amount" data-testid="sheet-amount">
						{amount}
					</dd>
					<dt>Due date</dt>
					<dd>{formatDate(bill.dueDate, locale)}</dd>
					<dt>Bill number</dt>
					<dd>{bill.billNumber}</dd>
				</dl>
				<a
					ref={payRef}
					className="bc-pay"
					href={checkoutUrl(bill, payUrl)}
					target={target}
					rel="noopener"
					onClick={onPay}
				>
					{fill(messagesFor(locale).payNow, {amount})}
				</a>
				<button type="button" className="bc-close" onClick={onClose}>
					Close and keep watching
				</button>
			</div>
		</div>
	);
};
