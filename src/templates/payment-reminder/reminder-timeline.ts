import {instalmentPlanUrl} from '../../checkout-url';
import type {VideoFormat} from '../../formats';
import type {PaymentReminder} from './payment-reminder-schema';
import {CLOSE_MOTION, GREETING_MOTION, linesEntrance} from '../../scene-motion';
import {sentReminderScript} from './reminder-script';
import {assembleTimeline, mailCta, type CtaSpec, type SceneSpec, type Timeline} from '../../timeline';
import type {SceneSpeech} from '../../narration/speech-timing';

/** Lines the overdue scene shows one after another: title, amount, when it was due, days late, the kind word. */
const OVERDUE_LINES = 5;
const NEXT_LINES = 3;
/** The options scene's title and amount, before its buttons. */
const OPTIONS_LINES = 2;

export const buildReminderTimeline = ({bill, format, speech}: {bill: PaymentReminder; format: VideoFormat; speech?: readonly SceneSpeech[] | undefined}): Timeline => {
	// Paid or not, sized by the reminder as sent: its voice and hotspots were made for that timeline.
	const script = sentReminderScript(bill);
	const {plan, options} = script;
	// A debt too small to split into instalments of the supplier's minimum has no plan: no plan scene and no plan button.
	const scenes: SceneSpec[] = [
		{id: 'greeting', seconds: 3.5, entrance: Math.max(GREETING_MOTION.rise, GREETING_MOTION.subtitleTo)},
		{id: 'overdue', seconds: 6, entrance: linesEntrance(OVERDUE_LINES)},
		{id: 'next', seconds: 6, entrance: linesEntrance(NEXT_LINES)},
		...(plan ? [{id: 'plan' as const, seconds: 4 + 0.5 * plan.rows.length, entrance: linesEntrance(plan.rows.length + 2)}] : []),
		{id: 'options', seconds: 8, entrance: linesEntrance(OPTIONS_LINES)},
		{id: 'close', seconds: 3, entrance: CLOSE_MOTION.pop},
	];
	const ctas: CtaSpec[] = [
		{scene: 'options', kind: 'pay', label: options.pay, href: bill.payUrl},
		// The plan page learns which bill to split, and into how many instalments, as the checkout learns what to charge.
		...(options.plan && plan
			? [{scene: 'options' as const, kind: 'instalments' as const, label: options.plan, href: instalmentPlanUrl({...bill, amountDue: bill.amountOverdue}, bill.instalments.url, plan.rows.length)}]
			: []),
		{scene: 'options', kind: 'call', label: options.call, href: `tel:${bill.phone.replace(/[^+0-9]/g, '')}`},
		...mailCta(bill.brand, bill.customer.locale),
	];
	return assembleTimeline({
		format,
		scenes,
		ctas,
		posterScene: 'options',
		script,
		speech,
	});
};
