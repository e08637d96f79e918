import {buttonSentence, sentencesOnVideoClock, type VideoNarration} from './narration';
import {asksForMoney} from './paid-state';
import {computeRenderInput, type RenderRequestInput} from './render-input';

/** Frames [from, to) of a video. */
export interface FrameRange {
	readonly from: number;
	readonly to: number;
}

/**
 * Where a paid bill's voice names a button that asks for money (paying now, an instalment plan), in frames of the video
 * its track was mixed for: the bill as it was sent, before the payment. The player keeps those stretches silent: the
 * buttons are gone (a stamp says Paid over any the frames still draw), and a listener would look for one that is not there.
 */
export const moneyAskSpeech = (input: RenderRequestInput & {readonly narration: VideoNarration}): FrameRange[] => {
	const {timeline} = computeRenderInput(input);
	const asks = new Set(timeline.hotspots.filter(asksForMoney).map((hotspot) => buttonSentence(input, hotspot.label)));
	const msPerFrame = 1000 / timeline.fps;
	return timeline.scenes.flatMap((scene) => {
		const speech = input.narration.speech.find((said) => said.sceneId === scene.id);
		return speech
			? sentencesOnVideoClock(speech, scene.from * msPerFrame)
					.filter((sentence) => asks.has(sentence.text))
					.map((sentence) => ({from: Math.floor(sentence.startMs / msPerFrame), to: Math.ceil(sentence.endMs / msPerFrame)}))
			: [];
	});
};
