import {describe, expect, it} from 'vitest';
import {buildCaptionFiles, captionCues, cueText, cueTextShown} from '../../src/captions';
import {chaptersOf} from '../../src/templates/chapters';
import {videoFormats} from '../../src/formats';
import {CAPTION_CHARS_PER_SECOND, cueTexts} from '../../src/reading-pace';
import type {TemplateBill} from '../../src/templates/registry';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {computeRenderInput, scriptFor} from '../../src/render-input';
import {instalmentPlan} from '../../src/templates/payment-reminder/instalments';
import {formatMoney} from '../../src/money';
import {allTemplateBills} from '../helpers/template-fixtures';

describe.each(allTemplateBills)('captions of $name', ({input}) => {
	const {timeline} = computeRenderInput({...input, format: 'landscape'});
	const script = scriptFor(input);
	const cues = captionCues({timeline, script});

	it('say exactly the lines each scene shows, in order, inside the scene', () => {
		for (const scene of timeline.scenes) {
			const inScene = cues.filter((cue) => cue.from >= scene.from && cue.to <= scene.from + scene.durationInFrames);
			expect(inScene.flatMap((cue) => cue.text.split('\n'))).toEqual(script[scene.id]?.lines ?? []);
			for (const cue of inScene) expect(cue.text.split('\n').length).toBeLessThanOrEqual(2);
		}
		expect(cues.flatMap((cue) => cue.text.split('\n'))).toHaveLength(timeline.scenes.reduce((n, scene) => n + (script[scene.id]?.lines.length ?? 0), 0));
	});

	it('are valid WebVTT, with one chapter per scene and a transcript of the same lines', () => {
		const files = buildCaptionFiles({timeline, script, chapters: chaptersOf(input.template, input.bill.customer.locale)});
		expect(files.captions.startsWith('WEBVTT\n\n1\n00:00:00.000 --> ')).toBe(true);
		expect(files.chapters.match(/-->/g)).toHaveLength(timeline.scenes.length);
		for (const line of cues.flatMap((cue) => cue.text.split('\n'))) expect(files.transcript).toContain(line);
		const last = timeline.durationInFrames / timeline.fps;
		const ends = [...files.captions.matchAll(/--> (\d\d):(\d\d):(\d\d\.\d\d\d)/g)].map((m) => Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]));
		expect(Math.max(...ends)).toBeCloseTo(last, 2);
	});
});

/** Every amount of money the captions mention, as the locale writes it. */
const moneyIn = (text: string): string[] => text.match(/[-+]?[€£₩][\d.,]*\d|[-+]?\d[\d.,]*[ \u00a0]?€/g) ?? [];

describe('captions say nothing the bill does not contain', () => {
	it('telco: every amount is the total, a line-item category sum, a difference or the previous total', () => {
		const bill = telcoFixtures['en-GB'];
		const {timeline} = computeRenderInput({template: 'telco-bill', bill, format: 'landscape'});
		const text = captionCues({timeline, script: scriptFor({template: 'telco-bill', bill})}).map((c) => c.text).join('\n');
		const money = (minor: number) => formatMoney({minor, currency: 'EUR', locale: 'en-GB'});
		const allowed = new Set([
			money(bill.amountDue),
			money(bill.previousAmount!),
			money(bill.amountDue - bill.previousAmount!),
			money(1840),
			...[3500, 500, 1840, 1500, -500, 500].map(money),
		]);
		for (const amount of moneyIn(text)) expect(allowed).toContain(amount);
	});

	it('reminder: the overdue amount, its instalments and nothing else', () => {
		const bill = reminderFixtures['en-GB'];
		const {timeline} = computeRenderInput({template: 'payment-reminder', bill, format: 'landscape'});
		const text = captionCues({timeline, script: scriptFor({template: 'payment-reminder', bill})}).map((c) => c.text).join('\n');
		const money = (minor: number) => formatMoney({minor, currency: 'GBP', locale: 'en-GB'});
		const allowed = new Set([money(bill.amountOverdue), money(bill.nextStep.fee!), ...instalmentPlan(bill).map((i) => money(i.amount))]);
		expect(moneyIn(text).length).toBeGreaterThan(3);
		for (const amount of moneyIn(text)) expect(allowed).toContain(amount);
	});
});

describe('caption pace', () => {
	it.each(allTemplateBills.flatMap(({name, input}) => videoFormats.map((format) => ({name: `${name} ${format}`, input, format}))))(
		'$name: no cue goes faster than a person reads',
		({input, format}) => {
			const {timeline} = computeRenderInput({...input, format});
			for (const cue of captionCues({timeline, script: scriptFor(input)})) {
				const seconds = (cue.to - cue.from) / timeline.fps;
				expect([...cue.text].length / seconds, cue.text).toBeLessThanOrEqual(CAPTION_CHARS_PER_SECOND);
			}
		},
	);
});

describe('WebVTT escaping', () => {
	const input = allTemplateBills.find(({input}) => input.template === 'telco-bill')!.input as Extract<TemplateBill, {template: 'telco-bill'}>;
	const hostile = {...input, bill: {...input.bill, customer: {...input.bill.customer, name: '<b>Ada</b> & <img src=x> --> Co'}}};
	const {timeline} = computeRenderInput({...hostile, format: 'landscape'});
	const files = buildCaptionFiles({timeline, script: scriptFor(hostile), chapters: chaptersOf(hostile.template, hostile.bill.customer.locale)});

	it('escapes &, < and > so markup in a name is shown literally', () => {
		expect(files.captions).toContain('&lt;b&gt;Ada&lt;/b&gt; &amp; &lt;img src=x&gt; --&gt; Co');
		const body = files.captions.split('\n').filter((line) => !/^\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}$/.test(line));
		expect(body.join('\n')).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
	});

	it('reads back as the literal name', () => {
		expect(cueTextShown(cueText('<b>Ada</b> & &lt; -->'))).toBe('<b>Ada</b> & &lt; -->');
	});
});

describe('cueTexts', () => {
	it('lets two short lines share a cue, never three, and keeps long lines alone', () => {
		expect(cueTexts(['This bill', '€68.40', '€16.40 more than last time', 'Roaming in France added €18.40', 'Last bill: €52.00'])).toEqual([
			'This bill\n€68.40',
			'€16.40 more than last time',
			'Roaming in France added €18.40',
			'Last bill: €52.00',
		]);
		expect(cueTexts(['a', 'b', 'c'])).toEqual(['a\nb', 'c']);
	});
});
