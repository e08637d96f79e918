import {describe, expect, it} from 'vitest';
import {chapterAt, chaptersIn} from '../../public/src/chapters';
import {buildCaptionFiles} from '../../src/captions';
import {computeRenderInput, scriptFor} from '../../src/render-input';
import {chaptersOf} from '../../src/templates/chapters';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {parseVtt} from '../../public/src/vtt';

const input = {template: 'telco-bill', bill: sampleTelcoBill} as const;
const {timeline} = computeRenderInput({...input, format: 'landscape'});
const chapters = chaptersIn({timeline, template: 'telco-bill', locale: 'en-GB'});

describe("the player's chapters", () => {
	it('are the cues of the chapters.vtt the worker writes, name and time', () => {
		const vtt = buildCaptionFiles({timeline, script: scriptFor(input), chapters: chaptersOf('telco-bill', 'en-GB')}).chapters;
		const fromFile = parseVtt(vtt).map((cue) => ({name: cue.text, from: Math.round(cue.start * timeline.fps), to: Math.round(cue.end * timeline.fps)}));
		expect(chapters.map(({name, from, to}) => ({name, from, to}))).toEqual(fromFile);
		expect(fromFile.map((cue) => cue.name)).toEqual(['Welcome', 'Your total', 'Where it goes', 'What you used', 'Payment', 'Thank you']);
	});

	it("show a paused chapter settled: Payment's settled frame has the pay button", () => {
		const payment = chapters[4]!;
		const pay = timeline.hotspots.find((hotspot) => hotspot.kind === 'pay')!;
		expect(payment.from).toBeLessThan(pay.from);
		expect(payment.settled).toBeGreaterThanOrEqual(pay.from);
		expect(payment.settled).toBeLessThan(Math.min(payment.to, pay.from + pay.durationInFrames));
	});

	it('know the chapter a frame is in', () => {
		expect(chapterAt(chapters, 0)).toBe(0);
		expect(chapterAt(chapters, chapters[4]!.from - 1)).toBe(3);
		expect(chapterAt(chapters, chapters[4]!.from)).toBe(4);
		expect(chapterAt(chapters, timeline.durationInFrames - 1)).toBe(5);
	});
});
