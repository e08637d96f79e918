import {narrationOf, sentencesOnVideoClock, type VideoNarration} from './narration';
import {computeRenderInput, type RenderRequestInput} from './render-input';
import type {TemplateBill} from './templates/registry';

/**
 * Where a voice made for the bill as sent says, in a scene, a sentence the bill as now shown does not say there (its
 * scenes changed since: paid, or past its due date), or one of `hushed`; in frames of the video its track was mixed
 * for. The player keeps those stretches silent, so nobody hears "due by" over a scene that says the date has passed.
 */
export const speechUnsaidBy = (
	input: RenderRequestInput & {readonly narration: VideoNarration},
	shown: TemplateBill,
	hushed: ReadonlySet<string> = new Set(),
): Array<{from: number; to: number}> => {
	const {timeline} = computeRenderInput(input);
	const saidNow = new Map(narrationOf(shown, timeline.scenes).map((scene) => [scene.sceneId, new Set(scene.sentences)]));
	const msPerFrame = 1000 / timeline.fps;
	return timeline.scenes.flatMap((scene) => {
		const speech = input.narration.speech.find((said) => said.sceneId === scene.id);
		const kept = saidNow.get(scene.id);
		return speech
			? sentencesOnVideoClock(speech, scene.from * msPerFrame)
					.filter((sentence) => hushed.has(sentence.text) || !kept?.has(sentence.text))
					.map((sentence) => ({from: Math.floor(sentence.startMs / msPerFrame), to: Math.ceil(sentence.endMs / msPerFrame)}))
			: [];
	});
};
