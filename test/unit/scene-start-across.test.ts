import {describe, expect, it} from 'vitest';
import type {SceneSpeech} from '../../src/narration';
import {computeRenderInput} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/sample-telco-bill';
import {sceneStartAcross, type Timeline} from '../../src/timeline';

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
