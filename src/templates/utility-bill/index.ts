import type {TemplateDefinition} from '../template-definition';
import {utilitySceneIds, type UtilitySceneId} from './utility-scenes';
import {utilityWords} from './utility-words';
import {utilityBillSchema, type UtilityBill} from './utility-bill-schema';
import {utilityScript} from './utility-script';
import {summarizeUtilityBill} from './utility-summary';
import {buildUtilityTimeline} from './utility-timeline';
import {utilityNarration} from './utility-narration';

export const utilityBillTemplate = {
	id: 'utility-bill' as const,
	sceneIds: utilitySceneIds,
	words: utilityWords,
	schema: utilityBillSchema,
	timeline: buildUtilityTimeline,
	script: utilityScript,
	narration: utilityNarration,
	summary: summarizeUtilityBill,
	paid: (bill) => ({...bill, payment: {status: 'paid'}}),
	day: (bill) => bill.period.end,
} satisfies TemplateDefinition<UtilityBill, UtilitySceneId>;
