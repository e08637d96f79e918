import {instalmentPlan} from './instalments';
import {closeSentences, defined, isoDatesIn, linesOf, type Phrases, type Say, type SpokenScenes} from '../../narration/scene-sentences';
import {spokenContext} from '../../narration/spoken-text';
import type {PaymentReminder} from './payment-reminder-schema';
import {reminderScript, type OptionsScript} from './reminder-script';

const optionsSentences = (script: OptionsScript, say: Say, p: Phrases): string[] => [
	p.titled(say(script.title), say(script.amount)),
	...defined(script.pay, script.plan, script.call).map((label) => p.button(say(label))),
];

export const reminderNarration = (bill: PaymentReminder, p: Phrases): SpokenScenes => {
	const s = reminderScript(bill);
	const planDates = instalmentPlan(bill).map((instalment) => instalment.date);
	return {
		context: spokenContext({...bill.customer, dates: [...isoDatesIn(bill), ...planDates], writtenOn: bill.reminderDate}),
		scripts: {
			greeting: linesOf(s.greeting),
			overdue: linesOf(s.overdue),
			next: linesOf(s.next),
			plan: linesOf(s.plan),
			options: (say) => optionsSentences(s.options, say, p),
			close: (say) => closeSentences(s.close, say, p),
		},
	};
};
