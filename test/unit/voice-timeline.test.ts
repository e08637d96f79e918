import {describe, expect, it} from 'vitest';
import {captionCues} from '../../src/captions';
import {SPEECH_LEAD_IN_MS, SPEECH_TAIL_MS, sentencesOnVideoClock, type SceneSpeech} from '../../src/narration';
import {computeRenderInput, scriptFor} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {SCENE_FADE} from '../../src/scene-motion';

const input = {template: 'telco-bill' as const, bill: sampleTelcoBill, format: 'landscape' as const};
const silent = computeRenderInput(input);
const script = scriptFor(input);

/** Speech much longer than the silent total scene, shorter than the greeting: one scene grows, one stays. */
const speech: SceneSpeech[] = [
	{sceneId: 'greeting', durationMs: 800, sentences: [{text: 'Hello Ada.', startMs: 0, endMs: 800}]},
	{
		sceneId: 'total',
		durationMs: 12_000,
		sentences: [
			{text: 'Your bill this time is sixty-eight euros forty.', startMs: 0, endMs: 5_000},
			{text: 'Sixteen euros forty more than last time.', startMs: 5_350, endMs: 12_000},
		],
	},
];
const spoken = computeRenderInput({...input, narration: {audioSrc: 'narration.m4a', speech}});

describe('a timeline with measured speech', () => {
	it('without speech is the silent timeline, and its props carry no narration', () => {
		expect(computeRenderInput({...input, narration: undefined}).timeline).toEqual(silent.timeline);
		expect(silent.inputProps).not.toHaveProperty('narration');
	});

	it('makes each scene at least its speech plus lead-in and tail, keeps longer scenes, and moves what follows', () => {
		const fps = spoken.fps;
		const scene = (timeline: typeof silent.timeline, id: string) => timeline.scenes.find((candidate) => candidate.id === id)!;
		expect(scene(spoken.timeline, 'greeting')).toEqual(scene(silent.timeline, 'greeting'));
		const total = scene(spoken.timeline, 'total');
		expect(total.durationInFrames).toBe(Math.ceil(((SPEECH_LEAD_IN_MS + 12_000 + SPEECH_TAIL_MS) / 1000) * fps));
		const grown = total.durationInFrames - scene(silent.timeline, 'total').durationInFrames;
		expect(grown).toBeGreaterThan(0);
		expect(spoken.durationInFrames).toBe(silent.durationInFrames + grown);
		expect(spoken.inputProps.narration?.speech).toEqual(speech);
		// The due scene's pay hotspot, the holds and the poster all move with the longer total scene.
		const pay = (timeline: typeof silent.timeline) => timeline.hotspots.find((hotspot) => hotspot.kind === 'pay')!;
		expect(pay(spoken.timeline).from).toBe(pay(silent.timeline).from + grown);
		expect(spoken.timeline.posterFrame).toBe(silent.timeline.posterFrame + grown);
		const totalHold = spoken.timeline.staticHolds.find((hold) => hold.from >= total.from && hold.from < total.from + total.durationInFrames)!;
		expect(totalHold.from + totalHold.durationInFrames).toBe(total.from + total.durationInFrames - SCENE_FADE);
	});

	it('cues the captions of a spoken scene while its sentences are said, never faster than silent reading', () => {
		const cues = captionCues({timeline: spoken.timeline, script, speech});
		const total = spoken.timeline.scenes.find((scene) => scene.id === 'total')!;
		const inTotal = cues.filter((cue) => cue.from >= total.from && cue.to <= total.from + total.durationInFrames);
		const toMs = (frame: number) => (frame / spoken.fps) * 1000;
		for (const sentence of sentencesOnVideoClock(speech[1]!, toMs(total.from))) {
			expect(inTotal.some((cue) => toMs(cue.from) < sentence.endMs && toMs(cue.to) > sentence.startMs)).toBe(true);
		}
		const silentCues = captionCues({timeline: silent.timeline, script}).filter((cue) => cue.text === inTotal[0]!.text);
		expect(inTotal[0]!.to - inTotal[0]!.from).toBeGreaterThanOrEqual(silentCues[0]!.to - silentCues[0]!.from);
		expect(toMs(inTotal[0]!.from - total.from)).toBeCloseTo(SPEECH_LEAD_IN_MS, -2);
	});
});
