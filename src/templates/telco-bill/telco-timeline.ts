import {type TelcoBill} from './telco-bill-schema';
import {amountToPay} from '../../bill-fields';
import {chartRows} from './breakdown';
import type {VideoFormat} from '../../formats';
import {formatMoney} from '../../money';
import type {TelcoSceneId} from './telco-scenes';
import {breakdownEntrance, CLOSE_MOTION, GREETING_MOTION, PAY_BUTTON_ENTRANCE, TOTAL_MOTION, USAGE_MOTION} from '../../scene-motion';
import {telcoScript} from './telco-script';
import {assembleTimeline, billCtas, type SceneSpec, type Timeline} from '../../timeline';
import {needsPayment} from '../../needs-payment';
import type {SceneSpeech} from '../../narration/speech-timing';

const hasUsage = (bill: TelcoBill): boolean => Boolean(bill.usage && (bill.usage.data || bill.usage.minutes || bill.usage.sms));

export interface TelcoTimelineOptions {
	readonly bill: TelcoBill;
	readonly format: VideoFormat;
	readonly speech?: readonly SceneSpeech[] | undefined;
}

/** The telco bill's timeline: the single source of scene placement and hotspots for composition, player and server. */
export const buildTelcoTimeline = ({bill, format, speech}: TelcoTimelineOptions): Timeline => {
	const rows = chartRows(bill.lineItems).length;
	const scenes: Array<SceneSpec & {id: TelcoSceneId}> = [
		{id: 'greeting', seconds: 3.5, entrance: Math.max(GREETING_MOTION.rise, GREETING_MOTION.subtitleTo)},
		{id: 'total', seconds: 5, entrance: TOTAL_MOTION.count + TOTAL_MOTION.compare},
	];
	if (rows > 0) {
		scenes.push({
			id: 'breakdown',
			seconds: 4 + 0.5 * rows,
			entrance: breakdownEntrance(rows),
		});
	}
	if (hasUsage(bill)) scenes.push({id: 'usage', seconds: 5, entrance: Math.max(2 * USAGE_MOTION.stagger + USAGE_MOTION.grow, USAGE_MOTION.tipTo)});
	scenes.push({id: 'due', seconds: needsPayment({status: bill.payment.status, amountDue: bill.amountDue}) ? 7 : 5, entrance: PAY_BUTTON_ENTRANCE}, {id: 'close', seconds: 3, entrance: CLOSE_MOTION.pop});
	const script = telcoScript(bill);
	// A partly paid bill's button asks for what is left.
	const money = formatMoney({minor: amountToPay(bill), currency: bill.customer.currency, locale: bill.customer.locale});
	return assembleTimeline({format, scenes, ctas: billCtas(bill, money, bill.customer.locale), posterScene: 'due', script, speech});
};

