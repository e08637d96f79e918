import type {TmfIssue} from './tmf678-money';
import {tmfWord, type TmfCustomerBill} from './tmf678-schema';

/** Roles that mark the bill's receiver, most specific first. */
const receiverRoles = ['billreceiver', 'customer'];

/** The customer a bill greets: its id and name, and where each came from in the request. */
export interface BillReceiver {
	readonly id: string;
	readonly name: string;
	readonly idPath: string;
	readonly namePath: string;
}

/**
 * The bill receiver among the related parties: its id becomes the customer reference and its name the greeting. v4
 * names the party on the related party; v5 in `partyOrPartyRole`, where a PartyRoleRef keeps the person's name in
 * `partyName`.
 */
export const billReceiverOf = ({bill, issues}: {bill: TmfCustomerBill; issues: TmfIssue[]}): BillReceiver | undefined => {
	const roles = bill.relatedParty.map((party) => tmfWord(party.role ?? ''));
	const index = receiverRoles.map((role) => roles.indexOf(role)).find((found) => found !== -1);
	if (index === undefined) {
		issues.push({
			path: 'tmf678.customerBill.relatedParty',
			message: 'needs a party with role BillReceiver (or Customer): its name greets the customer and its id is the customer reference',
		});
		return undefined;
	}
	const party = bill.relatedParty[index]!;
	const ref = party.partyOrPartyRole;
	const base = `tmf678.customerBill.relatedParty[${index}]${ref ? '.partyOrPartyRole' : ''}`;
	const [nameField, name] = ref?.partyName !== undefined ? ['partyName', ref.partyName] : ['name', (ref ?? party).name];
	const id = (ref ?? party).id;
	if (name === undefined) issues.push({path: `${base}.name`, message: "is required: the bill receiver's name greets the customer"});
	if (id === undefined) issues.push({path: `${base}.id`, message: "is required: the bill receiver's id is the customer reference"});
	if (name === undefined || id === undefined) return undefined;
	return {id, name, idPath: `${base}.id`, namePath: `${base}.${nameField}`};
};
