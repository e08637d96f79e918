import type {BillOf, TemplateId} from '../src/templates/registry';
import {paymentReminderComposition} from './payment-reminder';
import type {CompositionDefinition} from './shared/composition-definition';
import {telcoBillComposition} from './telco-bill';
import {utilityBillComposition} from './utility-bill';

/** Every template's component, Studio schema and fixtures, keyed by the ids of src/templates/registry.ts. */
export const compositionRegistry: {readonly [T in TemplateId]: CompositionDefinition<BillOf<T>>} = {
	'telco-bill': telcoBillComposition,
	'utility-bill': utilityBillComposition,
	'payment-reminder': paymentReminderComposition,
};

/** The component that draws a template's bill, for the player page and the Studio root. */
// A caller holding any template's bill passes it to that template's component; the pairing is checked where the bill is parsed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const componentOf = (template: TemplateId): React.FC<any> => compositionRegistry[template].component;
