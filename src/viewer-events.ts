import type {SceneId} from './scene-ids';

/** What the player reports about a viewing; the server accepts exactly these. */
export const viewerEventTypes = [
	'view_started',
	'progress_25',
	'progress_50',
	'progress_75',
	'completed',
	'hotspot_shown',
	'hotspot_clicked',
	'pay_clicked',
] as const;
export type ViewerEventType = (typeof viewerEventTypes)[number];

/**
 * Events that happen once per viewing (a progress mark, a hotspot first shown, per hotspot): the player sends each
 * once, so a viewer scrubbing back and forth does not inflate the funnel. Clicks are sent every time.
 */
export const oncePerViewingEvents: ReadonlySet<ViewerEventType> = new Set<ViewerEventType>([
	'view_started',
	'progress_25',
	'progress_50',
	'progress_75',
	'completed',
	'hotspot_shown',
]);

export interface ViewerEvent {
	readonly type: ViewerEventType;
	/** The hotspot for hotspot_shown, hotspot_clicked and pay_clicked. */
	readonly hotspot?: string;
	/** The scene playing when it was sent; the last one of a viewing is where it stopped. */
	readonly scene?: SceneId;
}

/** The progress events a position in the video has earned (a quarter, a half, three quarters, the end). */
export const progressEventsAt = (fraction: number): ViewerEventType[] =>
	(
		[
			[0.25, 'progress_25'],
			[0.5, 'progress_50'],
			[0.75, 'progress_75'],
			[0.995, 'completed'],
		] as const
	)
		.filter(([at]) => fraction >= at)
		.map(([, type]) => type);
