import type {LineItemCategory} from './bill-schema';
import {tmfWord, type TmfAppliedBillingRate} from './tmf678-schema';

/** Characteristics that say which section of the invoice a rate belongs to; TMF leaves their names to each operator. */
export const sectionCharacteristicNames = ['invoicesection', 'billsection', 'section', 'category'];

/**
 * Words an operator uses for an invoice section (or a rate type), compared as tmfWord, and the bill's category each
 * means. Exact words rather than substrings, so "data" does not match "update".
 */
const sectionWords: Record<string, LineItemCategory> = {
	plan: 'plan',
	plans: 'plan',
	subscription: 'plan',
	recurring: 'plan',
	addon: 'addons',
	addons: 'addons',
	usage: 'addons',
	data: 'addons',
	roaming: 'roaming',
	device: 'devices',
	devices: 'devices',
	instalment: 'devices',
	installment: 'devices',
	deviceinstalment: 'devices',
	equipment: 'devices',
	oneoff: 'one_off',
	onetime: 'one_off',
	fee: 'one_off',
	fees: 'one_off',
	penalty: 'one_off',
	discount: 'credits',
	discounts: 'credits',
	credit: 'credits',
	credits: 'credits',
	tax: 'taxes',
	taxes: 'taxes',
};

/** A rate type may be a section word or one of the types TMF678 documents; its third, appliedBillingCharge, names no section. */
const typeWords: Record<string, LineItemCategory> = {...sectionWords, appliedbillingcredit: 'credits', appliedpenaltycharge: 'one_off'};

const knownSections = Object.keys(sectionWords).join(', ');

export type CategoryChoice =
	| {readonly ok: true; readonly category: LineItemCategory}
	/** `field` is relative to the rate, e.g. `characteristic[1].value`. */
	| {readonly ok: false; readonly field: string; readonly message: string};

/**
 * A rate's category: from its invoice-section characteristic when it has one (the operator's own word for where it
 * sits on the bill), else from its type (v4 `type`, v5 `appliedBillingRateType`).
 */
export const categoryOfRate = (rate: TmfAppliedBillingRate): CategoryChoice => {
	const index = (rate.characteristic ?? []).findIndex((c) => sectionCharacteristicNames.includes(tmfWord(c.name)));
	if (index !== -1) {
		const {value} = rate.characteristic![index]!;
		const category = typeof value === 'string' ? sectionWords[tmfWord(value)] : undefined;
		return category
			? {ok: true, category}
			: {
					ok: false,
					field: `characteristic[${index}].value`,
					message: `must name an invoice section billcast knows (${knownSections}), not ${JSON.stringify(value)}`,
				};
	}
	const [field, type] = rate.type !== undefined ? ['type', rate.type] : ['appliedBillingRateType', rate.appliedBillingRateType];
	const category = type === undefined ? undefined : typeWords[tmfWord(type)];
	if (category) return {ok: true, category};
	return {
		ok: false,
		field: 'characteristic',
		message:
			`needs an invoiceSection characteristic (${knownSections}) to place the rate on the bill` +
			(type === undefined ? '' : `: ${field} ${JSON.stringify(type)} does not say which section it belongs to`),
	};
};
