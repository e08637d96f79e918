import {describe, expect, it} from 'vitest';
import {parseVtt} from '../../public/src/vtt';
import {buildCaptionFiles, captionCues} from '../../src/captions';
import {asPaidBill} from '../../src/paid-state';
import {scriptFor, timelineFor} from '../../src/render-input';
import {chaptersOf} from '../../src/templates/chapters';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';

describe('parseVtt', () => {
	// The it-IT reminder's captions.vtt as the worker writes it, read back by MP4 mode.
	const sent = {template: 'payment-reminder', bill: reminderFixtures['it-IT'], format: 'portrait'} as const;
	const timeline = timelineFor(sent);
	const file = buildCaptionFiles({timeline, script: scriptFor(sent), chapters: chaptersOf(sent.template, 'it-IT')}).captions;

	it('reads every cue of the file, the last one too, as the text the player cues itself', () => {
		expect(file.endsWith('\n')).toBe(true);
		expect(parseVtt(file).map((cue) => cue.text)).toEqual(captionCues({timeline, script: scriptFor(sent)}).map((cue) => cue.text));
	});

	it("keeps the last cue once the reminder is paid: the paid bill says it too", () => {
		const paidSays = new Set(captionCues({timeline, script: scriptFor(asPaidBill(sent))}).map((cue) => cue.text));
		const last = parseVtt(file).at(-1)!;
		expect(paidSays.has(last.text)).toBe(true);
	});

	it('reads CRLF and CR line ends, and a cue of two lines', () => {
		expect(parseVtt('WEBVTT\r\n\r\n00:00.000 --> 00:01.500\r\nUno\r\ndue\r\n\r\n00:01.500 --> 00:03.000 align:start\r\nTre\r\n')).toEqual([
			{start: 0, end: 1.5, text: 'Uno\ndue'},
			{start: 1.5, end: 3, text: 'Tre'},
		]);
		expect(parseVtt('WEBVTT\r\r00:00.000 --> 00:01.000\rUno\r')).toEqual([{start: 0, end: 1, text: 'Uno'}]);
	});
});
