import type {PaymentStatus} from './bill-schema';
import {describeMinor, type ReadMoney, type TmfIssue} from './tmf678-money';
import type {TmfCustomerBill} from './tmf678-schema';

/**
 * Whether the bill is still to pay or already paid, from its applied payments, remainingAmount and state. A partly paid
 * bill is refused: the video states one amount to pay and its lines must add up to it, and TMF gives no line that
 * would bring the charges down to what is left.
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
}): PaymentStatus | undefined => {
	const at = (field: string) => `tmf678.customerBill.${field}`;
	const describe = (minor: number) => describeMinor({minor, currency});
	const before = issues.length;
	const payments = bill.appliedPayment?.map((payment, index) =>
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
	if (remaining === amountDue) return 'due';
	if (remaining === 0) return 'paid';
	issues.push({
		path: at(paid !== undefined ? 'appliedPayment' : 'remainingAmount'),
		message: `leaves ${describe(remaining)} of ${describe(amountDue)} to pay: a partly paid bill cannot be shown, as the video asks for one amount and its lines must add up to it`,
	});
	return undefined;
};
