import {decimalToMinor, minorToDecimalString} from '../money';
import type {TmfMoney} from './tmf678-schema';

/** Why a TMF678 field cannot become part of the bill, named by its path in the request (`tmf678.customerBill.billNo`). */
export interface TmfIssue {
	readonly path: string;
	readonly message: string;
}

export type ReadMoney = (options: {money: TmfMoney; path: string}) => number | undefined;

/**
 * Reads TMF Money as exact minor units of the bill's one currency (the unit of its amountDue), recording in `issues`
 * why a value cannot be read rather than stopping, so one answer names every bad amount.
 */
export const makeMoneyReader =
	({currency, issues}: {currency: string; issues: TmfIssue[]}): ReadMoney =>
	({money, path}) => {
		if (money.unit !== currency) {
			issues.push({path: `${path}.unit`, message: `must be ${currency} like the bill's amountDue: a bill has one currency`});
			return undefined;
		}
		const read = decimalToMinor({value: money.value, currency});
		if (!read.ok) issues.push({path: `${path}.value`, message: read.message});
		return read.ok ? read.minor : undefined;
	};

/** An amount as a message shows it: "48.40 EUR". */
export const describeMinor = ({minor, currency}: {minor: number; currency: string}): string => `${minorToDecimalString(minor, currency)} ${currency}`;
