import {showHeldFrame, useLayoutStage} from './layout-stage';
import {describe, expect, it} from 'vitest';
import {AA_TEXT, contrastRatio, NON_TEXT} from '../../src/color';
import {videoFormats} from '../../src/formats';
import type {RenderRequestInput} from '../../src/render-input';
import type {SceneId} from '../../src/timeline';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import type {LayoutProblem} from './layout-page';

/** A tenant with a pale brand colour and no accent colour. */
const paleBrand = <B extends {accentColor?: string}>({accentColor: _, ...brand}: B) => ({...brand, primaryColor: '#E8F0FF'});

const bills: Array<{name: string; scene: SceneId; input: Omit<RenderRequestInput, 'format'>}> = [
	{name: 'payment reminder', scene: 'options', input: {template: 'payment-reminder', bill: {...reminderFixtures['en-GB'], brand: paleBrand(reminderFixtures['en-GB'].brand)}}},
	{name: 'telco bill', scene: 'due', input: {template: 'telco-bill', bill: {...sampleTelcoBill, brand: paleBrand(sampleTelcoBill.brand)}}},
	{name: 'utility bill', scene: 'due', input: {template: 'utility-bill', bill: {...utilityFixtures['en-GB'], brand: paleBrand(utilityFixtures['en-GB'].brand)}}},
] as Array<{name: string; scene: SceneId; input: Omit<RenderRequestInput, 'format'>}>;

const stage = useLayoutStage();

const hex = (css: string): string => {
	const [r = 0, g = 0, b = 0] = /rgba?\(([^)]+)\)/.exec(css)![1]!.split(/[\s,/]+/).map(Number);
	return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
};

/** Each call to action as drawn: its fill, its label's colour, and the first opaque background behind it. */
const drawnButtons = () =>
	[...document.querySelectorAll('[data-non-text="hotspot"]')].map((button) => {
		let behind = 'rgb(255, 255, 255)';
		for (let node = button.parentElement; node; node = node.parentElement) {
			const background = getComputedStyle(node).backgroundColor;
			if (background.startsWith('rgb(')) {
				behind = background;
				break;
			}
		}
		const style = getComputedStyle(button);
		return {label: button.textContent!, fill: style.backgroundColor, text: style.color, behind};
	});

describe('a pale brand without an accent colour still draws its main call to action in a colour of its own', () => {
	describe.each(bills)('$name', ({scene: sceneId, input}) => {
		it.each(videoFormats)('%s', async (format) => {
			await showHeldFrame(stage.page, {...input, format} as RenderRequestInput, sceneId);
			const [main, ...quieter] = (await stage.page.evaluate(drawnButtons)).map((b) => ({...b, fill: hex(b.fill), text: hex(b.text), behind: hex(b.behind)}));
			expect(main).toBeDefined();
			expect(contrastRatio(main!.fill, main!.behind), `${main!.fill} on ${main!.behind}`).toBeGreaterThanOrEqual(NON_TEXT);
			expect(contrastRatio(main!.text, main!.fill), `${main!.label}: ${main!.text} on ${main!.fill}`).toBeGreaterThanOrEqual(AA_TEXT);
			expect(main!.fill).not.toBe('#FFFFFF');
			for (const other of quieter) expect(contrastRatio(main!.fill, other.fill), `${main!.fill} beside ${other.fill} (${other.label})`).toBeGreaterThanOrEqual(1.5);
			const problems: LayoutProblem[] = await stage.page.evaluate(() => window.measureFrame({minTextPx: 0, minTargetPx: 0}));
			expect(problems.filter((p) => p.kind.endsWith('contrast'))).toEqual([]);
		});
	});
});
