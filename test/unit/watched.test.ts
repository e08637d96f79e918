import {describe, expect, it} from 'vitest';
import {makeWatchTracker} from '../../public/src/watched';

const playThrough = (tracker: ReturnType<typeof makeWatchTracker>, from: number, to: number, step = 1) => {
	const earned = new Set<string>();
	for (let frame = from; frame <= to; frame += step) for (const type of tracker.played(frame)) earned.add(type);
	return earned;
};

describe('watched progress', () => {
	it('a seek past the middle earns no progress_25 or progress_50', () => {
		const tracker = makeWatchTracker({durationInFrames: 900, fps: 30});
		playThrough(tracker, 0, 30);
		tracker.interrupted();
		expect([...playThrough(tracker, 600, 630)]).toEqual([]);
	});

	it('watching from a seek onward counts only the seconds played', () => {
		const tracker = makeWatchTracker({durationInFrames: 900, fps: 30});
		expect([...playThrough(tracker, 600, 899)]).toEqual(['progress_25']);
	});

	it('playing everything, at any frame step up to a second, earns every mark and completed', () => {
		for (const step of [1, 2, 15, 30]) {
			const tracker = makeWatchTracker({durationInFrames: 900, fps: 30});
			expect([...playThrough(tracker, 0, 899, step)]).toEqual(['progress_25', 'progress_50', 'progress_75', 'completed']);
		}
	});

	it('a jump of more than a second without an interruption is not watching either', () => {
		const tracker = makeWatchTracker({durationInFrames: 900, fps: 30});
		tracker.played(0);
		expect(tracker.played(800)).toEqual([]);
	});
});
