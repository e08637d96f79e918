import {reminderEdgeBills, telcoEdgeBills, utilityEdgeBills} from '../../src/fixtures/edge-bills';
import {reminderFixtures} from '../../src/fixtures/reminder-fixtures';
import {telcoFixtures} from '../../src/fixtures/telco-fixtures';
import {utilityFixtures} from '../../src/fixtures/utility-fixtures';
import type {TemplateBill} from '../../src/templates/registry';

/** Every fixture and edge bill of every template, named for test titles. */
export const allTemplateBills: Array<{name: string; input: TemplateBill}> = [
	...Object.entries({...telcoFixtures, ...telcoEdgeBills}).map(([name, bill]) => ({name: `telco-bill ${name}`, input: {template: 'telco-bill' as const, bill}})),
	...Object.entries({...utilityFixtures, ...utilityEdgeBills}).map(([name, bill]) => ({
		name: `utility-bill ${name}`,
		input: {template: 'utility-bill' as const, bill},
	})),
	...Object.entries({...reminderFixtures, ...reminderEdgeBills}).map(([name, bill]) => ({
		name: `payment-reminder ${name}`,
		input: {template: 'payment-reminder' as const, bill},
	})),
];
