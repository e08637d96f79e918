import {progressEventsAt, type ViewerEventType} from '../../src/viewer-events';

/**
 * What the viewer has actually watched, second by second: only frames reached by playing on from the previous one
 * count, so a seek past the middle earns no progress_25 or progress_50.
 */
export const makeWatchTracker = ({durationInFrames, fps}: {durationInFrames: number; fps: number}, alreadyWatched: Iterable<number> = []): WatchTracker => {
	const seconds = Math.max(1, Math.ceil(durationInFrames / fps));
	const watched = new Set<number>(alreadyWatched);
	let last: number | undefined;
	return {
		played(frame: number): ViewerEventType[] {
			// Playback reports every frame or so; a jump larger than a second is a seek, not watching.
			if (last !== undefined && frame >= last && frame - last <= fps) {
				for (let second = Math.floor(last / fps); second <= Math.floor(frame / fps); second++) watched.add(second);
			}
			last = frame;
			return progressEventsAt(watched.size / seconds);
		},
		interrupted(): void {
			last = undefined;
		},
		// Each watched second goes to where its first and last frames fall in the new timeline, so the share stays.
		across(shape: {durationInFrames: number; fps: number}, frameIn: (frame: number) => number | undefined): WatchTracker {
			const carried = [...watched].flatMap((second) => {
				const [start, end] = [second * fps, (second + 1) * fps - 1].map(frameIn);
				if (start === undefined || end === undefined) return [];
				const first = Math.floor(start / shape.fps);
				return Array.from({length: Math.floor(end / shape.fps) - first + 1}, (_, index) => first + index);
			});
			return makeWatchTracker(shape, carried);
		},
	};
};

export interface WatchTracker {
	/** A frame shown while playing; returns the progress events the watched share has earned so far. */
	played(frame: number): ViewerEventType[];
	/** A seek or a pause: the next frame played does not continue from the last one. */
	interrupted(): void;
	/** The same viewing on the timeline sized again when the narration arrives. */
	across(shape: {durationInFrames: number; fps: number}, frameIn: (frame: number) => number | undefined): WatchTracker;
}
