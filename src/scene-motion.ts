/**
 * Animation timings of every template's scenes, in frames. The scenes animate with these numbers and the timelines
 * derive from them where each scene stands still, so a renderer can draw a still stretch once. Every animation must
 * have settled (springs included) by the frame these constants give. With reduced motion the live player draws every
 * entrance as settled from a scene's first frame (compositions/shared/reduced-motion.ts), on the same timeline.
 */
export const SCENE_FADE = 8;
export const GREETING_MOTION = {rise: 20, subtitleFrom: 12, subtitleTo: 28} as const;
export const TOTAL_MOTION = {count: 30, compare: 15} as const;
export const BREAKDOWN_MOTION = {stagger: 6, grow: 18} as const;
export const USAGE_MOTION = {stagger: 8, grow: 20, tipFrom: 28, tipTo: 40} as const;
export const CLOSE_MOTION = {pop: 20} as const;
/** Bars of the consumption chart rise one after another. */
export const CHART_MOTION = {stagger: 3, grow: 15, labelFrom: 10, labelTo: 22} as const;
/** Lines of text that appear one after another (tips, next steps, overdue facts). */
export const LINES_MOTION = {stagger: 10, appear: 12} as const;
/** Frames into a scene before its call-to-action buttons have finished appearing and become clickable. */
export const PAY_BUTTON_ENTRANCE = 24;

/** Frames until a staggered entrance of `count` elements has settled. */
export const staggeredEntrance = (count: number, motion: {stagger: number}, each: number): number =>
	Math.max(0, count - 1) * motion.stagger + each;

/** The breakdown's bars grow one after another, then the savings line fades in. */
export const breakdownEntrance = (rows: number): number =>
	staggeredEntrance(rows, BREAKDOWN_MOTION, BREAKDOWN_MOTION.grow) + LINES_MOTION.appear;

/** The consumption chart's bars rise one after another while the headline fades in. */
export const chartEntrance = (bars: number): number =>
	Math.max(staggeredEntrance(bars, CHART_MOTION, CHART_MOTION.grow), CHART_MOTION.labelTo);

/** `count` lines of text appear one after another. */
export const linesEntrance = (count: number): number => staggeredEntrance(count, LINES_MOTION, LINES_MOTION.appear);
