import {fill} from '../../i18n/catalogue';
import {closeSentences, defined, dueSentences, isoDatesIn, linesOf, type Phrases, type Say, type SpokenScenes} from '../../narration/scene-sentences';
import {spokenContext} from '../../narration/spoken-text';
import type {TelcoBill} from './telco-bill-schema';
import {telcoWordsFor} from './telco-words';
import {telcoScript, type BreakdownScript, type TotalScript, type UsageScript} from './telco-script';

const totalSentences = (script: TotalScript, say: Say, p: Phrases): string[] =>
	defined(p.totalIs(say(script.amount)), script.change && say(script.change), script.reason && say(script.reason), script.previous && say(script.previous));

/**
 * The breakdown as one spoken list: its heading is what the rows already say, and the savings line repeats the credit
 * row's amount, so neither is spoken; every row's amount is.
 */
const breakdownSentences = (script: BreakdownScript, say: Say): string[] =>
	script.rows.length > 0 ? [script.rows.map((row) => `${say(row.label)} ${say(row.amount)}`).join(', ')] : [];

/** The meters as one spoken list, then the tip; the heading is left to the screen. */
const usageSentences = (script: UsageScript, say: Say, usageOf: (used: string, allowance: string) => string): string[] =>
	defined(
		script.meters.length > 0 ? script.meters.map((meter) => `${say(meter.label)} ${say(usageOf(meter.used, meter.allowance))}`).join(', ') : undefined,
		script.tip && say(script.tip),
	);

export const telcoNarration = (bill: TelcoBill, p: Phrases): SpokenScenes => {
	const s = telcoScript(bill);
	const words = telcoWordsFor(bill.customer.locale);
	return {
		context: spokenContext({...bill.customer, dates: isoDatesIn(bill), period: bill.period, writtenOn: bill.issueDate, spelled: defined(bill.payment.cardLast4)}),
		scripts: {
			greeting: linesOf(s.greeting),
			total: (say) => totalSentences(s.total, say, p),
			breakdown: (say) => breakdownSentences(s.breakdown, say),
			usage: (say) => usageSentences(s.usage, say, (used, allowance) => fill(words.usageOf, {used, allowance})),
			due: (say) => dueSentences(s.due, say, p),
			close: (say) => closeSentences(s.close, say, p),
		},
	};
};
