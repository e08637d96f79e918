import {scriptFor, type RenderRequestInput} from './render-input';
import type {SceneId} from './scene-ids';
import {startingIn, type Timeline} from './timeline';

/** A stretch of the video that looks the same for every bill with the same key, so its drawn frames can be reused. */
export interface SharedScene {
	readonly id: SceneId;
	readonly from: number;
	readonly durationInFrames: number;
	/** Everything the scene's frames depend on; equal keys draw equal frames. */
	readonly key: string;
}

/**
 * Scenes that show nothing of the customer: the close thanks them in the brand's name, with the brand's colours and
 * calls to action, so every customer of a template, brand, locale and format sees the same frames. Hotspot links are
 * left out of the key because a scene draws a button's label and place, never its address.
 */
const CUSTOMER_FREE_SCENES: readonly SceneId[] = ['close'];

export const sharedScenesOf = ({request, timeline}: {request: RenderRequestInput; timeline: Timeline}): SharedScene[] => {
	const scripts = scriptFor(request);
	return timeline.scenes
		.filter((scene) => CUSTOMER_FREE_SCENES.includes(scene.id))
		.map((scene) => ({
			id: scene.id,
			from: scene.from,
			durationInFrames: scene.durationInFrames,
			key: JSON.stringify({
				template: request.template,
				format: request.format,
				size: [timeline.width, timeline.height, timeline.fps],
				scene: [scene.id, scene.durationInFrames],
				script: scripts[scene.id],
				brand: request.bill.brand,
				holds: startingIn(timeline.staticHolds, scene).map((hold) => [hold.from - scene.from, hold.durationInFrames]),
				hotspots: startingIn(timeline.hotspots, scene).map(({id, kind, from, durationInFrames, rect, label}) => [id, kind, from - scene.from, durationInFrames, rect, label]),
			}),
		}));
};
