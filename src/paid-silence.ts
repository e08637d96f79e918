import {buttonSentence, type VideoNarration} from './narration';
import {asksForMoney, asPaidBill} from './paid-state';
import {computeRenderInput, type RenderRequestInput} from './render-input';
import {speechUnsaidBy} from './unsaid-speech';

/**
 * Where a paid bill's voice asks for money or says it is owed, in frames of the video its track was mixed for: the bill
 * as it was sent, before the payment. That is every sentence naming a button that asks for money (paying now, an
 * instalment plan), and every sentence the bill's own paid state does not say in that scene (a reminder's "we have not
 * received your payment", its days late, next step and plan; a direct debit still to come). The player keeps those
 * stretches silent: the live video draws the paid state, a stamp says Paid over any button the frames still draw, and
 * a listener would hear a debt that is settled, or look for a button that is not there.
 */
export const moneyAskSpeech = (input: RenderRequestInput & {readonly narration: VideoNarration}): Array<{from: number; to: number}> => {
	const {timeline} = computeRenderInput(input);
	const asks = new Set(timeline.hotspots.filter(asksForMoney).map((hotspot) => buttonSentence(input, hotspot.label)));
	return speechUnsaidBy(input, asPaidBill(input), asks);
};
