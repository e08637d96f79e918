import {buttonSentence, narrationOf, sentencesOnVideoClock, type VideoNarration} from './narration';
import {asksForMoney, asPaidBill} from './paid-state';
import {computeRenderInput, type RenderRequestInput} from './render-input';

/** Frames [from, to) of a video. */
export interface FrameRange {
	readonly from: number;
	readonly to: number;
}

/**
 * Where a paid bill's voice asks for money or says it is owed, in frames of the video its track was mixed for: the bill
 * as it was sent, before the payment. That is every sentence naming a button that asks for money (paying now, an
 * instalment plan), and every sentence the bill's own paid state does not say in that scene (a reminder's "we have not
 * received your payment", its days late, next step and plan; a direct debit still to come). The player keeps those
 * stretches silent: the live video draws the paid state, a stamp says Paid over any button the frames still draw, and
 * a listener would hear a debt that is settled, or look for a button that is not there.
 */
export const moneyAskSpeech = (input: RenderRequestInput & {readonly narration: VideoNarration}): FrameRange[] => {
	const {timeline} = computeRenderInput(input);
	const asks = new Set(timeline.hotspots.filter(asksForMoney).map((hotspot) => buttonSentence(input, hotspot.label)));
	const saidOncePaid = new Map(narrationOf(asPaidBill(input), timeline.scenes).map((scene) => [scene.sceneId, new Set(scene.sentences)]));
	const msPerFrame = 1000 / timeline.fps;
	return timeline.scenes.flatMap((scene) => {
		const speech = input.narration.speech.find((said) => said.sceneId === scene.id);
		const kept = saidOncePaid.get(scene.id);
		return speech
			? sentencesOnVideoClock(speech, scene.from * msPerFrame)
					.filter((sentence) => asks.has(sentence.text) || !kept?.has(sentence.text))
					.map((sentence) => ({from: Math.floor(sentence.startMs / msPerFrame), to: Math.ceil(sentence.endMs / msPerFrame)}))
			: [];
	});
};
