import {compositionRegistry} from '../../compositions/registry';
import {templateIds, type TemplateBill} from '../../src/templates/registry';

/**
 * Every fixture and edge bill of every registered template, named for test titles: read from the registries, so a new
 * template's bills are checked by every test that walks this list without the tests being edited.
 */
export const allTemplateBills: Array<{name: string; input: TemplateBill}> = templateIds.flatMap((template) => {
	const {fixtures, edges} = compositionRegistry[template];
	// Each template's own bills, paired with it: the registry's type cannot tie the id to its bill inside the loop.
	return Object.entries({...fixtures, ...edges}).map(([name, bill]) => ({name: `${template} ${name}`, input: {template, bill} as TemplateBill}));
});
