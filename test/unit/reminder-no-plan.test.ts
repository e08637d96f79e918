import {describe, expect, it} from 'vitest';
import {buildCaptionFiles} from '../../src/captions';
import {videoFormats} from '../../src/formats';
import {narrationOf} from '../../src/narration';
import {computeRenderInput, scriptFor, type RenderRequestInput} from '../../src/render-input';
import {chaptersOf} from '../../src/templates/chapters';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {reminderScript} from '../../src/templates/payment-reminder/reminder-script';
import {reminderWords} from '../../src/templates/payment-reminder/reminder-words';

// ₩15,000 under a ₩10,000 minimum: two instalments would be ₩7,500 each, so there is no plan to offer.
const korean = {...reminderFixtures['ko-KR'], amountOverdue: 15_000, instalments: {...reminderFixtures['ko-KR'].instalments, minimumAmount: 10_000}};
const english = {...reminderFixtures['en-GB'], amountOverdue: 15_000, instalments: {...reminderFixtures['en-GB'].instalments, minimumAmount: 10_000}};
const italian = {...reminderFixtures['it-IT'], amountOverdue: 7_999};
const bills = {'en-GB': english, 'it-IT': italian, 'ko-KR': korean};
const planWords = {'en-GB': /instalment|plan/i, 'it-IT': /rat[ae]|piano/i, 'ko-KR': /분할/};

describe.each(Object.entries(bills))('a %s reminder too small for an instalment plan', (locale, bill) => {
	const input: RenderRequestInput = {template: 'payment-reminder', bill, format: 'landscape'};

	it.each(videoFormats)('has no plan scene and no plan button in %s', (format) => {
		const {timeline} = computeRenderInput({...input, format});
		expect(timeline.scenes.map((scene) => scene.id)).toEqual(['greeting', 'overdue', 'next', 'options', 'close']);
		expect(timeline.hotspots.map((hotspot) => hotspot.kind)).toEqual(['pay', 'call']);
	});

	it('never mentions a plan in its captions, transcript, chapters or voice', () => {
		const {timeline} = computeRenderInput(input);
		const files = buildCaptionFiles({timeline, script: scriptFor(input), chapters: chaptersOf('payment-reminder', locale)});
		const words = planWords[locale as keyof typeof planWords];
		for (const file of Object.values(files)) expect(file).not.toMatch(words);
		const said = narrationOf(input, timeline.scenes).flatMap((scene) => scene.sentences);
		expect(said.join(' ')).not.toMatch(words);
		expect(said.length).toBeGreaterThan(5);
	});

	it('says the firm wording without its plan', () => {
		expect(reminderScript({...bill, messageVariant: 'firm'}).overdue.understanding).not.toMatch(planWords[locale as keyof typeof planWords]);
	});
});

describe('a reminder that can be split', () => {
	it('keeps its plan scene and button, and the reassurance that names the plan', () => {
		const input: RenderRequestInput = {template: 'payment-reminder', bill: reminderFixtures['en-GB'], format: 'square'};
		const {timeline} = computeRenderInput(input);
		expect(timeline.scenes.map((scene) => scene.id)).toContain('plan');
		expect(timeline.hotspots.map((hotspot) => hotspot.kind)).toEqual(['pay', 'instalments', 'call']);
		expect(reminderScript(reminderFixtures['en-GB']).next.reassure).toBe(reminderWords.en.nextReassure);
	});
});
