import {utilityEdgeBills} from '../../src/templates/utility-bill/utility-edge-bills';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import type {UtilityBill as UtilityBillData} from '../../src/templates/utility-bill/utility-bill-schema';
import type {CompositionDefinition} from '../shared/composition-definition';
import {UtilityBill} from './utility-bill';
import {utilityBillStudioSchema} from './utility-bill-schema';

export const utilityBillComposition = {
	component: UtilityBill,
	studioSchema: utilityBillStudioSchema,
	fixtures: utilityFixtures,
	edges: utilityEdgeBills,
} satisfies CompositionDefinition<UtilityBillData>;
