import {interpolate, spring} from 'remotion';

/**
 * A spring that is exactly 1 from `durationInFrames` on: Remotion's spring only approaches its end, and the static
 * holds promise that nothing moves after an entrance, not even by a fraction of a pixel.
 */
export const settledSpring = ({frame, fps, durationInFrames, damping = 200}: {frame: number; fps: number; durationInFrames: number; damping?: number}): number =>
	frame >= durationInFrames ? 1 : spring({frame, fps, durationInFrames, config: {damping}});

/** 0 before `from`, 1 from `to` on, linear between. */
export const progress = (frame: number, from: number, to: number): number =>
	interpolate(frame, [from, to], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
