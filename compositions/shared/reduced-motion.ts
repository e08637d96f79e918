import {createContext, useContext} from 'react';
import {useCurrentFrame} from 'remotion';

/**
 * True when the viewer asked for reduced motion. Only the live player provides it: the Studio and the renderer keep the
 * default, so the MP4 is the same file for everyone.
 */
export const ReducedMotion = createContext(false);

/** Later than any entrance ends, so that every spring and `progress` of a scene reads as settled. */
const AFTER_EVERY_ENTRANCE = Number.MAX_SAFE_INTEGER;

/**
 * The frame a scene's entrances (counts, rises, bars, buttons) are drawn at: the current one, or with reduced motion
 * one after they have all settled, so the scene stands in place from its first frame and only the plain cross-fade at
 * its cuts remains. Scene lengths, hotspots and captions read the timeline, never this, so they keep their frames.
 */
export const useEntranceFrame = (): number => {
	const frame = useCurrentFrame();
	return useContext(ReducedMotion) ? AFTER_EVERY_ENTRANCE : frame;
};
