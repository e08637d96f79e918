import {describe, expect, it} from 'vitest';
import {planFrames} from '../../src/frame-plan';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {buildTelcoTimeline} from '../../src/templates/telco-bill/telco-timeline';

describe('planFrames', () => {
	it('draws each static hold once and repeats it', () => {
		const plan = planFrames({durationInFrames: 10, staticHolds: [{from: 2, durationInFrames: 3}, {from: 7, durationInFrames: 2}]});
		expect(plan.frames).toEqual([0, 1, 2, 5, 6, 7, 9]);
		expect(plan.sources).toEqual([0, 1, 2, 2, 2, 5, 6, 7, 7, 9]);
	});

	it('keeps every output frame and draws well under half of the sample bill', () => {
		const timeline = buildTelcoTimeline({bill: sampleTelcoBill, format: 'landscape'});
		const plan = planFrames(timeline);
		expect(plan.sources).toHaveLength(timeline.durationInFrames);
		expect(plan.frames.length / timeline.durationInFrames).toBeLessThan(0.5);
		expect(plan.sources.every((source) => plan.frames.includes(source))).toBe(true);
	});
});
