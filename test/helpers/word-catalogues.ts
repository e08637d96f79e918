import {catalogues, type WordCatalogue} from '../../src/i18n/catalogue';
import {templates} from '../../src/templates/registry';

/** The shared words and every registered template's own, each named, with its translations. */
export const wordCatalogues: ReadonlyArray<readonly [name: string, catalogue: WordCatalogue<object>]> = [
	['shared', catalogues],
	...templates.map((template) => [template.id, template.words] as const),
];
