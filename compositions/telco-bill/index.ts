import {telcoEdgeBills} from '../../src/templates/telco-bill/telco-edge-bills';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import type {TelcoBill as TelcoBillData} from '../../src/templates/telco-bill/telco-bill-schema';
import type {CompositionDefinition} from '../shared/composition-definition';
import {TelcoBill} from './telco-bill';
import {telcoBillStudioSchema} from './telco-bill-schema';

export const telcoBillComposition = {
	component: TelcoBill,
	studioSchema: telcoBillStudioSchema,
	fixtures: telcoFixtures,
	edges: telcoEdgeBills,
} satisfies CompositionDefinition<TelcoBillData>;
