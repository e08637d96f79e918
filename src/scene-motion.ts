import type {Bill} from './bill-schema';
import {groupByCategory} from './breakdown';

/**
 * Animation timings of the telco-bill scenes, in frames. The scenes animate with these numbers and the timeline
 * derives from them where each scene stands still, so a renderer can draw a still stretch once.
 */
export const SCENE_FADE = 8;
export const GREETING_MOTION = {rise: 20, subtitleFrom: 12, subtitleTo: 28} as const;
export const TOTAL_MOTION = {count: 30, compare: 15} as const;
export const BREAKDOWN_MOTION = {stagger: 6, grow: 18} as const;
export const USAGE_MOTION = {stagger: 8, grow: 20} as const;
export const CLOSE_MOTION = {pop: 20} as const;
/** Frames into the due scene before the pay button has finished appearing and becomes clickable. */
export const PAY_BUTTON_ENTRANCE = 24;

/** Frames from a scene's start until its entrance animation has settled. */
export const entranceFrames = (scene: string, bill: Bill): number => {
	switch (scene) {
		case 'greeting':
			return Math.max(GREETING_MOTION.rise, GREETING_MOTION.subtitleTo);
		case 'total':
			return TOTAL_MOTION.count + TOTAL_MOTION.compare;
		case 'breakdown':
			return Math.max(0, groupByCategory(bill.lineItems).length - 1) * BREAKDOWN_MOTION.stagger + BREAKDOWN_MOTION.grow;
		case 'usage':
			return 2 * USAGE_MOTION.stagger + USAGE_MOTION.grow;
		case 'due':
			return PAY_BUTTON_ENTRANCE;
		case 'close':
			return CLOSE_MOTION.pop;
		default:
			return SCENE_FADE;
	}
};
