import type {TemplateDefinition} from '../template-definition';
import {telcoSceneIds, type TelcoSceneId} from './telco-scenes';
import {telcoWords} from './telco-words';
import {telcoBillSchema, type TelcoBill} from './telco-bill-schema';
import {telcoScript} from './telco-script';
import {summarizeTelcoBill} from './telco-summary';
import {buildTelcoTimeline} from './telco-timeline';
import {telcoNarration} from './telco-narration';

export const telcoBillTemplate = {
	id: 'telco-bill' as const,
	sceneIds: telcoSceneIds,
	words: telcoWords,
	schema: telcoBillSchema,
	timeline: buildTelcoTimeline,
	script: telcoScript,
	narration: telcoNarration,
	summary: summarizeTelcoBill,
	paid: (bill) => ({...bill, payment: {status: 'paid'}}),
	day: (bill) => bill.period.end,
} satisfies TemplateDefinition<TelcoBill, TelcoSceneId>;
