import type {VideoFormat} from '../../formats';
import {formatMoney} from '../../money';
import {CLOSE_MOTION, GREETING_MOTION, PAY_BUTTON_ENTRANCE, breakdownEntrance, chartEntrance, linesEntrance} from '../../scene-motion';
import {utilityScript} from './utility-script';
import {assembleTimeline, billCtas, type SceneSpec, type Timeline} from '../../timeline';
import type {UtilityBill} from './utility-bill-schema';
import {needsPayment} from '../../needs-payment';
import type {SceneSpeech} from '../../narration/speech-timing';

export const buildUtilityTimeline = ({bill, format, speech}: {bill: UtilityBill; format: VideoFormat; speech?: readonly SceneSpeech[] | undefined}): Timeline => {
	const script = utilityScript(bill);
	const scenes: SceneSpec[] = [
		{id: 'greeting', seconds: 3.5, entrance: Math.max(GREETING_MOTION.rise, GREETING_MOTION.subtitleTo)},
		{id: 'consumption', seconds: 6, entrance: chartEntrance(script.consumption.bars.length)},
		{id: 'cost', seconds: 5, entrance: breakdownEntrance(script.cost.rows.length)},
	];
	if (script.similar) scenes.push({id: 'similar', seconds: 5, entrance: breakdownEntrance(2)});
	scenes.push(
		{id: 'tips', seconds: 3 + 1.5 * script.tips.tips.length, entrance: linesEntrance(script.tips.tips.length + 1)},
		{id: 'due', seconds: needsPayment({status: bill.payment.status, amountDue: bill.amountDue}) ? 7 : 5, entrance: PAY_BUTTON_ENTRANCE},
		{id: 'close', seconds: 3, entrance: CLOSE_MOTION.pop},
	);
	const money = formatMoney({minor: bill.amountDue, currency: bill.customer.currency, locale: bill.customer.locale});
	return assembleTimeline({format, scenes, ctas: billCtas(bill, money, bill.customer.locale), posterScene: 'due', script, speech});
};
