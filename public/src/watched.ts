import {progressEventsAt, type ViewerEventType} from '../../src/viewer-events';

/**
 * What the viewer has actually watched, second by second: only frames reached by playing on from the previous one
 * count, so a seek past the middle earns no progress_25 or progress_50.
 */
export const makeWatchTracker = ({durationInFrames, fps}: {durationInFrames: number; fps: number}) => {
	const seconds = Math.max(1, Math.ceil(durationInFrames / fps));
	const watched = new Set<number>();
	let last: number | undefined;
	return {
		/** A frame shown while playing; returns the progress events the watched share has earned so far. */
		played(frame: number): ViewerEventType[] {
			// Playback reports every frame or so; a jump larger than a second is a seek, not watching.
			if (last !== undefined && frame >= last && frame - last <= fps) {
				for (let second = Math.floor(last / fps); second <= Math.floor(frame / fps); second++) watched.add(second);
			}
			last = frame;
			return progressEventsAt(watched.size / seconds);
		},
		/** A seek or a pause: the next frame played does not continue from the last one. */
		interrupted(): void {
			last = undefined;
		},
	};
};

export type WatchTracker = ReturnType<typeof makeWatchTracker>;
