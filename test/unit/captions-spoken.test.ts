import {describe, expect, it} from 'vitest';
import {captionCues, type CaptionCue} from '../../src/captions';
import {videoFormats} from '../../src/formats';
import {narrationOf, speakText, SPEECH_LEAD_IN_MS, type SceneSpeech} from '../../src/narration';
import {CAPTION_CHARS_PER_SECOND} from '../../src/reading-pace';
import {scriptFor, timelineFor} from '../../src/render-input';
import {templateOf, type TemplateBill} from '../../src/templates/registry';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {allTemplateBills} from '../helpers/template-fixtures';

/**
 * Speech as synthesis would measure it, slower than captions are read (as a voice is) so no reading rule needs to move a
 * cue: each sentence takes 70 ms a character and at least a second, with 300 ms between sentences.
 */
const measured = (input: TemplateBill): SceneSpeech[] =>
	narrationOf(input, timelineFor({...input, format: 'landscape'}).scenes).map(({sceneId, sentences}) => {
		let at = 0;
		const timed = sentences.map((text) => {
			const sentence = {text, startMs: at, endMs: at + Math.max(1_000, text.length * 70)};
			at = sentence.endMs + 300;
			return sentence;
		});
		return {sceneId, durationMs: timed.at(-1)?.endMs ?? 0, sentences: timed};
	});

const spokenCues = (input: TemplateBill, format: (typeof videoFormats)[number], speech: SceneSpeech[]) => {
	const timeline = timelineFor({...input, format, narration: {audioSrc: 'narration.m4a', speech}});
	return {timeline, cues: captionCues({timeline, script: scriptFor(input), speech})};
};

/** How the voice says a line on its own: the template's spoken context, as the narration uses it. */
const sayFor = (input: TemplateBill) => {
	const phrases = {totalIs: (a: string) => a, button: (l: string) => l, titled: (t: string, a: string) => `${t}: ${a}`};
	const {context} = templateOf(input.template).narration(input.bill as never, phrases);
	return (line: string) => speakText(line, context).toLocaleLowerCase().replace(/[.]$/u, '');
};

/** A sentence starts with what a line says when nothing but a button's name comes before it. */
const BUTTON_PREFIX = /^(?:|button: |pulsante: |버튼: )$/u;

describe.each(allTemplateBills)('spoken captions of $name', ({input}) => {
	const speech = measured(input);
	const say = sayFor(input);

	it.each(videoFormats)('%s: each cue starts when its first line is said', (format) => {
		const {timeline, cues} = spokenCues(input, format, speech);
		const frameOf = (ms: number) => (ms / 1000) * timeline.fps;
		for (const scene of timeline.scenes) {
			const said = speech.find((candidate) => candidate.sceneId === scene.id)!;
			const inScene = cues.filter((cue) => cue.from >= scene.from && cue.from < scene.from + scene.durationInFrames);
			let next = 0;
			for (const cue of inScene) {
				const line = say(cue.text.split('\n')[0]!);
				const index = said.sentences.findIndex((sentence, i) => i >= next && sentence.text.toLocaleLowerCase().includes(line));
				// A line the voice leaves to the screen (a list's heading, a savings line) has no sentence of its own.
				if (index < 0 || line.length === 0) continue;
				next = index;
				const sentence = said.sentences[index]!;
				const start = scene.from + frameOf(SPEECH_LEAD_IN_MS + sentence.startMs);
				const before = sentence.text.toLocaleLowerCase().slice(0, sentence.text.toLocaleLowerCase().indexOf(line));
				if (BUTTON_PREFIX.test(before)) expect(Math.abs(cue.from - start), `${cue.text} at ${cue.from}, said from ${start}`).toBeLessThanOrEqual(2);
				else {
					expect(cue.from, cue.text).toBeGreaterThanOrEqual(Math.floor(start) - 2);
					expect(cue.from, cue.text).toBeLessThanOrEqual(scene.from + frameOf(SPEECH_LEAD_IN_MS + sentence.endMs) + 2);
				}
			}
		}
	});

	it.each(videoFormats)('%s: cues never overlap, never outlast their scene and are never faster than reading', (format) => {
		const {timeline, cues} = spokenCues(input, format, speech);
		const script = scriptFor(input);
		for (const scene of timeline.scenes) {
			const inScene = cues.filter((cue) => cue.from >= scene.from && cue.to <= scene.from + scene.durationInFrames);
			expect(inScene.flatMap((cue) => cue.text.split('\n'))).toEqual(script[scene.id]?.lines ?? []);
		}
		cues.forEach((cue, i) => {
			expect(cue.to).toBeGreaterThan(cue.from);
			if (cues[i + 1]) expect(cue.to).toBeLessThanOrEqual(cues[i + 1]!.from);
			expect([...cue.text].length / ((cue.to - cue.from) / timeline.fps), cue.text).toBeLessThanOrEqual(CAPTION_CHARS_PER_SECOND);
		});
	});
});

describe('spoken captions, as the audit heard them', () => {
	const input = {template: 'payment-reminder' as const, bill: reminderFixtures['en-GB']};
	const speech = measured(input);
	const {timeline, cues} = spokenCues(input, 'landscape', speech);
	const saidAt = (sceneId: string, text: string) => {
		const scene = timeline.scenes.find((candidate) => candidate.id === sceneId)!;
		const sentence = speech.find((candidate) => candidate.sceneId === sceneId)!.sentences.find((candidate) => candidate.text.startsWith(text))!;
		return scene.from + ((SPEECH_LEAD_IN_MS + sentence.startMs) / 1000) * timeline.fps;
	};
	const cueOf = (text: string): CaptionCue => cues.find((cue) => cue.text.startsWith(text))!;

	it('shows the first instalment while it is said, not the plan before it', () => {
		const instalment = saidAt('plan', 'The twenty-eighth of November');
		expect(Math.abs(cueOf('28\u00a0November\u00a02026').from - instalment)).toBeLessThanOrEqual(1);
		expect(cueOf('Or spread it over').to).toBeLessThanOrEqual(Math.ceil(instalment));
	});

	it('shows "Talk to us" when its button is named', () => {
		expect(Math.abs(cueOf('Talk to us').from - saidAt('options', 'Button: Talk to us'))).toBeLessThanOrEqual(1);
	});
});

describe('captions of a scene without speech', () => {
	const input = {template: 'telco-bill' as const, bill: sampleTelcoBill};
	const relative = (cues: CaptionCue[], scene: {from: number; durationInFrames: number}) =>
		cues.filter((cue) => cue.from >= scene.from && cue.to <= scene.from + scene.durationInFrames).map((cue) => ({...cue, from: cue.from - scene.from, to: cue.to - scene.from}));

	it('are those of the silent video', () => {
		const silent = timelineFor({...input, format: 'landscape'});
		expect(captionCues({timeline: silent, script: scriptFor(input)}).map((cue) => [cue.from, cue.to]).slice(0, 5)).toEqual([
			[0, 30],
			[30, 111],
			[111, 141],
			[141, 183],
			[183, 231],
		]);
		const speech = measured(input).map((scene) => (scene.sceneId === 'total' ? scene : {...scene, durationMs: 0, sentences: []}));
		const {timeline, cues} = spokenCues(input, 'landscape', speech);
		const silentCues = captionCues({timeline: silent, script: scriptFor(input)});
		for (const scene of timeline.scenes.filter((candidate) => candidate.id !== 'total')) {
			const before = silent.scenes.find((candidate) => candidate.id === scene.id)!;
			expect(relative(cues, scene)).toEqual(relative(silentCues, before));
		}
	});
});
