import {useLayoutStage} from './layout-stage';
import {describe, expect, it} from 'vitest';
import {videoFormats, type VideoFormat} from '../../src/formats';
import {timelineFor, type RenderRequestInput} from '../../src/render-input';
import type {UtilityBill} from '../../src/templates/utility-bill/utility-bill-schema';
import {utilityEdgeBills} from '../../src/templates/utility-bill/utility-edge-bills';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';

const stage = useLayoutStage();

interface ChartNames {
	/** Each bar's name as drawn under it ('' for an unnamed bar), month and year on their own lines. */
	readonly names: string[];
	/** Pairs of names of different bars whose drawn text overlaps or touches. */
	readonly overlapping: string[];
	/** Names drawn past the chart's card. */
	readonly outside: string[];
}

/** The names under the consumption chart at the scene's settled frame, as laid out in the browser. */
const chartNames = async (bill: UtilityBill, format: VideoFormat): Promise<ChartNames> => {
	const input: RenderRequestInput = {template: 'utility-bill', bill, format};
	const timeline = timelineFor(input);
	const scene = timeline.scenes.find((s) => s.id === 'consumption')!;
	const hold = timeline.staticHolds.find((h) => h.from >= scene.from && h.from < scene.from + scene.durationInFrames)!;
	await stage.page.evaluate(([request, at]) => window.showFrame(request, at), [input, hold.from] as const);
	return stage.page.evaluate(() => {
		const bars = document.querySelector('[data-non-text="bar"]')!.parentElement!;
		const card = bars.parentElement!.getBoundingClientRect();
		const cells = [...bars.nextElementSibling!.children];
		const textNodes = (node: Node): Text[] => (node instanceof Text ? [node] : [...node.childNodes].flatMap(textNodes));
		const measured = cells.flatMap((cell, bar) =>
			textNodes(cell)
				.filter((node) => node.data.trim() !== '')
				.map((node) => {
					const range = document.createRange();
					range.selectNodeContents(node);
					return {bar, text: node.data, rect: range.getBoundingClientRect()};
				}),
		);
		const overlapping: string[] = [];
		for (const [i, a] of measured.entries()) {
			for (const b of measured.slice(i + 1).filter((other) => other.bar !== a.bar)) {
				const sameLine = a.rect.top < b.rect.bottom && b.rect.top < a.rect.bottom;
				if (sameLine && a.rect.left <= b.rect.right && b.rect.left <= a.rect.right) overlapping.push(`${a.text} / ${b.text}`);
			}
		}
		return {
			names: cells.map((cell) => (cell as HTMLElement).innerText.trim()),
			overlapping,
			outside: measured.filter(({rect}) => rect.left < card.left || rect.right > card.right).map(({text}) => text),
		};
	});
};

describe('consumption chart names', () => {
	it('names both bars of a two-reading bill in every format', async () => {
		for (const format of videoFormats) expect((await chartNames(utilityEdgeBills['two-readings']!, format)).names).toEqual(['ago', 'ott']);
	});

	it('names every bar where the frame has room, every other one where it has not, with the year when months repeat', async () => {
		expect((await chartNames(utilityFixtures['en-GB'], 'landscape')).names.every((name) => name !== '')).toBe(true);
		const twoMonthly = await chartNames(utilityEdgeBills['two-monthly']!, 'portrait');
		expect(twoMonthly.names.filter((name) => name !== '')).toEqual(['2월\n2025년', '6월', '10월', '2월\n2026년', '6월', '10월']);
	});

	const bills = Object.entries({...utilityFixtures, ...utilityEdgeBills});
	describe.each(bills)('%s', (_, bill) => {
		it.each(videoFormats)('%s: names neither overlap nor leave the card', async (format) => {
			const {overlapping, outside} = await chartNames(bill, format);
			expect({overlapping, outside}).toEqual({overlapping: [], outside: []});
		});
	});
});
