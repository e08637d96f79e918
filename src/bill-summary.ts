import type {BillSummary} from './summary-shape';
import {templateOf, type TemplateBill} from './templates/registry';

/** What the watch page and the pay sheet show of any template's bill. */
export const summarizeBill = (input: TemplateBill): BillSummary => templateOf(input.template).summary(input.bill);

