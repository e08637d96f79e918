import type {PaymentStatus} from '../bill-fields';
import {describeMinor, type ReadMoney, type TmfIssue} from './tmf678-money';
import {tmfWord, type TmfCustomerBill} from './tmf678-schema';

export interface TmfPayment {
	readonly status: PaymentStatus;
	/** What was already paid of a partly paid bill; the video asks for the rest, and the lines still add up to amountDue. */
	readonly amountPaid?: number;
}

/** TMF670's payment method types that the operator collects itself: v4's bankAccountDebit, v5's BankAccountDebit. */
const collectedTypes = new Set(['bankaccountdebit', 'directdebit']);

const collectedByOperator = ({paymentMethod}: TmfCustomerBill): boolean =>
	[paymentMethod?.['@referredType'], paymentMethod?.['@type']].some((type) => type !== undefined && collectedTypes.has(tmfWord(type)));

/**
 * Whether the bill is still to pay, partly paid or already paid, from its applied payments, remainingAmount and state.
 * What remains must lie between nothing and the whole bill: anything else cannot be explained by the bill's own lines.
 */
export const paymentStatusOf = ({
	bill,
	amountDue,
	currency,
	readMoney,
	issues,
}: {
	bill: TmfCustomerBill;
	amountDue: number;
	currency: string;
	readMoney: ReadMoney;
	issues: TmfIssue[];
}): TmfPayment | undefined => {
	const at = (field: string) => `tmf678.customerBill.${field}`;
	const describe = (minor: number) => describeMinor({minor, currency});
	const before = issues.length;
	// An empty list says no more than a missing one: remainingAmount alone may still tell what was paid.
	const applied = bill.appliedPayment?.length ? bill.appliedPayment : undefined;
	const payments = applied?.map((payment, index) =>
		readMoney({money: payment.appliedAmount, path: at(`appliedPayment[${index}].appliedAmount`)}),
	);
	const given = bill.remainingAmount && readMoney({money: bill.remainingAmount, path: at('remainingAmount')});
	if (issues.length > before) return undefined;
	const paid = payments?.reduce<number>((sum, amount) => sum + amount!, 0);
	if (given !== undefined && paid !== undefined && given !== amountDue - paid) {
		issues.push({
			path: at('remainingAmount'),
			message: `must be amountDue less the appliedPayment amounts (${describe(amountDue - paid)}), but is ${describe(given)}`,
		});
		return undefined;
	}
	// Without remainingAmount or payments, only the state can say the bill was paid.
	const remaining = given ?? (paid !== undefined ? amountDue - paid : bill.state === 'settled' ? 0 : amountDue);
	if (bill.state === 'settled' && remaining !== 0) {
		issues.push({path: at('state'), message: `is settled, but ${describe(remaining)} remains to be paid`});
		return undefined;
	}
	if (bill.state === 'partiallyPaid' && (given ?? paid) === undefined) {
		issues.push({path: at('state'), message: 'is partiallyPaid, but neither appliedPayment nor remainingAmount says how much was paid'});
		return undefined;
	}
	if (bill.state === 'partiallyPaid' && (remaining === 0 || remaining === amountDue)) {
		issues.push({path: at('state'), message: `is partiallyPaid, but ${remaining === 0 ? 'nothing remains' : 'all of it remains'} to be paid`});
		return undefined;
	}
	if (remaining !== amountDue && (remaining < 0 || remaining > amountDue)) {
		issues.push({
			path: at(paid !== undefined ? 'appliedPayment' : 'remainingAmount'),
			message: `leaves ${describe(remaining)} of ${describe(amountDue)} to pay: what remains must lie between nothing and the bill's amountDue`,
		});
		return undefined;
	}
	// A direct debit is collected by the operator: a customer also asked to pay would pay twice.
	if (remaining > 0 && collectedByOperator(bill)) return {status: 'autopay'};
	if (remaining === amountDue) return {status: 'due'};
	if (remaining === 0) return {status: 'paid'};
	return {status: 'due', amountPaid: amountDue - remaining};
};
