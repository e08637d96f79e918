import type {Timeline} from './timeline';

/** Which frames a renderer must draw, and which drawn frame each output frame shows. */
export interface FramePlan {
	/** Distinct frames to draw, ascending. */
	readonly frames: readonly number[];
	/** For every output frame, the drawn frame it repeats (itself outside static holds). */
	readonly sources: readonly number[];
}

/** Draws the first frame of every static hold once and repeats it for the rest of the hold. */
export const planFrames = (timeline: Pick<Timeline, 'durationInFrames' | 'staticHolds'>): FramePlan => {
	const sources = Array.from({length: timeline.durationInFrames}, (_, frame) => frame);
	for (const hold of timeline.staticHolds) {
		for (let frame = hold.from + 1; frame < hold.from + hold.durationInFrames; frame++) sources[frame] = hold.from;
	}
	return {frames: [...new Set(sources)], sources};
};
