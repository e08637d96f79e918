import {describe, expect, it} from 'vitest';
import {videoFormats} from '../../src/formats';
import type {RenderRequestInput} from '../../src/render-input';
import {startingIn, type SceneId} from '../../src/timeline';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {showHeldFrame, useLayoutStage} from './layout-stage';

const bills: Array<{name: string; scene: SceneId; input: Omit<RenderRequestInput, 'format'>}> = [
	{name: 'payment reminder', scene: 'options', input: {template: 'payment-reminder', bill: reminderFixtures['en-GB']}},
	{name: 'telco bill', scene: 'due', input: {template: 'telco-bill', bill: sampleTelcoBill}},
	{name: 'utility bill', scene: 'close', input: {template: 'utility-bill', bill: utilityFixtures['en-GB']}},
];

const stage = useLayoutStage();

/** Each drawn call to action's box, in the video's pixels (the stage shows the frame at its own size). */
const drawnBoxes = () =>
	[...document.querySelectorAll('[data-non-text="hotspot"]')].map((button) => {
		const {x, y, width, height} = button.getBoundingClientRect();
		return {label: button.textContent!, x, y, width, height};
	});

describe('a call to action is drawn inside its hotspot, so every click on it lands', () => {
	describe.each(bills)('$name', ({scene: sceneId, input}) => {
		it.each(videoFormats)('%s', async (format) => {
			const {timeline, scene} = await showHeldFrame(stage.page, {...input, format} as RenderRequestInput, sceneId);
			const drawn = await stage.page.evaluate(drawnBoxes);
			const hotspots = startingIn(timeline.hotspots, scene);
			expect(drawn.map((box) => box.label)).toEqual(hotspots.map((hotspot) => hotspot.label));
			for (const [index, {rect, label}] of hotspots.entries()) {
				const box = drawn[index]!;
				expect(box.x, label).toBeGreaterThanOrEqual(rect.x - 1);
				expect(box.y, label).toBeGreaterThanOrEqual(rect.y - 1);
				expect(box.x + box.width, label).toBeLessThanOrEqual(rect.x + rect.width + 1);
				expect(box.y + box.height, label).toBeLessThanOrEqual(rect.y + rect.height + 1);
			}
		});
	});
});
