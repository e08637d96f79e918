import {closeSentences, defined, dueSentences, isoDatesIn, linesOf, type Phrases, type SpokenScenes} from '../../narration/scene-sentences';
import {spokenContext} from '../../narration/spoken-text';
import type {UtilityBill} from './utility-bill-schema';
import {utilityScript} from './utility-script';

export const utilityNarration = (bill: UtilityBill, p: Phrases): SpokenScenes => {
	const s = utilityScript(bill);
	return {
		context: spokenContext({...bill.customer, dates: isoDatesIn(bill), period: bill.period, writtenOn: bill.issueDate, spelled: defined(bill.payment.cardLast4)}),
		scripts: {
			greeting: linesOf(s.greeting),
			consumption: linesOf(s.consumption),
			cost: linesOf(s.cost),
			similar: linesOf(s.similar),
			tips: linesOf(s.tips),
			due: (say) => dueSentences(s.due, say, p),
			close: (say) => closeSentences(s.close, say, p),
		},
	};
};
