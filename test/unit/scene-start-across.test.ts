import {describe, expect, it} from 'vitest';
import type {SceneSpeech} from '../../src/narration';
import {computeRenderInput} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {makeWatchTracker} from '../../public/src/watched';
import {frameAcross, sceneStartAcross, type Timeline} from '../../src/timeline';

const input = {template: 'telco-bill' as const, bill: sampleTelcoBill, format: 'landscape' as const};
const silent = computeRenderInput(input).timeline;
/** The total scene's speech is far longer than its silent length: it grows, and every later scene moves. */
const speech: SceneSpeech[] = [{sceneId: 'total', durationMs: 14_000, sentences: [{text: 'Your bill is sixty-eight euros forty.', startMs: 0, endMs: 14_000}]}];
const spoken = computeRenderInput({...input, narration: {audioSrc: 'narration.m4a', speech}}).timeline;
const scene = (timeline: Timeline, id: string) => timeline.scenes.find((candidate) => candidate.id === id)!;

describe('sceneStartAcross: where the viewer goes on when the narration arrives', () => {
	it('the test timelines differ: the narrated total scene is longer and later scenes start later', () => {
		expect(scene(spoken, 'total').durationInFrames).toBeGreaterThan(scene(silent, 'total').durationInFrames);
		expect(scene(spoken, 'due').from).toBeGreaterThan(scene(silent, 'due').from);
	});

	it('goes to the start of the scene the viewer was in, at any frame of it', () => {
		for (const id of ['greeting', 'total', 'breakdown', 'usage', 'due', 'close']) {
			const {from, durationInFrames} = scene(silent, id);
			for (const frame of [from, from + Math.floor(durationInFrames / 2), from + durationInFrames - 1]) {
				expect(sceneStartAcross({from: silent, to: spoken, frame})).toBe(scene(spoken, id).from);
			}
		}
	});

	it('works the other way too, and from a frame past the end (the last scene)', () => {
		const due = scene(spoken, 'due');
		expect(sceneStartAcross({from: spoken, to: silent, frame: due.from + 10})).toBe(scene(silent, 'due').from);
		expect(sceneStartAcross({from: silent, to: spoken, frame: silent.durationInFrames + 100})).toBe(scene(spoken, 'close').from);
	});

	it('starts from the beginning when the scene is not in the new timeline', () => {
		const withoutDue = {...spoken, scenes: spoken.scenes.filter((candidate) => candidate.id !== 'due')};
		expect(sceneStartAcross({from: silent, to: withoutDue, frame: scene(silent, 'due').from + 5})).toBe(0);
	});
});

describe('frameAcross: the same moment of the same scene on the new timeline', () => {
	it('keeps the share of the scene: its start, middle and last frame', () => {
		for (const id of ['greeting', 'total', 'due', 'close']) {
			const before = scene(silent, id);
			const after = scene(spoken, id);
			expect(frameAcross({from: silent, to: spoken, frame: before.from})).toBe(after.from);
			expect(frameAcross({from: silent, to: spoken, frame: before.from + before.durationInFrames / 2})).toBe(after.from + Math.floor(after.durationInFrames / 2));
			expect(frameAcross({from: silent, to: spoken, frame: before.from + before.durationInFrames - 1})).toBeLessThan(after.from + after.durationInFrames);
		}
	});

	it('is the same frame between timelines whose scenes are as long (a phone turned mid-play)', () => {
		for (const format of ['portrait', 'square'] as const) {
			const turned = computeRenderInput({...input, format}).timeline;
			expect(turned.scenes.map((each) => each.durationInFrames)).toEqual(silent.scenes.map((each) => each.durationInFrames));
			for (let frame = 0; frame < silent.durationInFrames; frame++) {
				expect(frameAcross({from: silent, to: turned, frame}), `${format} frame ${frame}`).toBe(frame);
			}
		}
	});

	it('has no frame for a scene the new timeline lacks', () => {
		const withoutDue = {...spoken, scenes: spoken.scenes.filter((candidate) => candidate.id !== 'due')};
		expect(frameAcross({from: silent, to: withoutDue, frame: scene(silent, 'due').from + 5})).toBeUndefined();
	});
});

describe('watched progress across the narration arriving', () => {
	const play = (tracker: ReturnType<typeof makeWatchTracker>, from: number, to: number) => {
		const earned: string[] = [];
		for (let frame = from; frame <= to; frame++) earned.push(...tracker.played(frame));
		return earned;
	};

	it('keeps what was watched: the silent video up to the due scene, then the rest of the spoken one, is watched to the end', () => {
		const before = makeWatchTracker(silent);
		const half = scene(silent, 'due').from - 1;
		expect(play(before, 0, half)).toContain('progress_25');
		const after = before.across(spoken, (frame) => frameAcross({from: silent, to: spoken, frame}));
		const resume = sceneStartAcross({from: silent, to: spoken, frame: half});
		// Played returns every mark the share has earned: the first frame after the switch has at least those of the last
		// before it (more if a scene watched whole grew longer with its voice).
		const atSwitch = before.played(half);
		expect(atSwitch).toContain('progress_50');
		expect(after.played(resume)).toEqual(expect.arrayContaining(atSwitch));
		expect(play(after, resume, spoken.durationInFrames - 1)).toContain('completed');
		// A fresh count at the switch, as before, never reaches the end from there.
		expect(play(makeWatchTracker(spoken), resume, spoken.durationInFrames - 1)).not.toContain('completed');
	});

	it('a viewer who watched nothing before it starts from nothing after it', () => {
		const after = makeWatchTracker(silent).across(spoken, (frame) => frameAcross({from: silent, to: spoken, frame}));
		expect(play(after, scene(spoken, 'due').from, spoken.durationInFrames - 1)).not.toContain('progress_50');
	});
});
