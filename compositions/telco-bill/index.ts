import {telcoEdgeBills} from '../../src/fixtures/edge-bills';
import {telcoFixtures} from '../../src/fixtures/telco-fixtures';
import type {BillOf} from '../../src/templates/registry';
import type {CompositionDefinition} from '../shared/composition-definition';
import {TelcoBill} from './telco-bill';
import {telcoBillStudioSchema} from './telco-bill-schema';

export const telcoBillComposition = {
	component: TelcoBill,
	studioSchema: telcoBillStudioSchema,
	fixtures: telcoFixtures,
	edges: telcoEdgeBills,
} satisfies CompositionDefinition<BillOf<'telco-bill'>>;
