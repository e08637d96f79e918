import {Thumbnail} from '@remotion/player';
import {createElement} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import {componentOf} from '../../compositions/registry';
import {ReducedMotion} from '../../compositions/shared/reduced-motion';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {videoFormats} from '../../src/formats';
import {computeRenderInput, type RenderRequestInput} from '../../src/render-input';
import {SCENE_FADE} from '../../src/scene-motion';
import {startingIn} from '../../src/timeline';

/** One frame of a composition as the player would draw it, as markup: the styles carry every opacity, offset and width. */
const drawn = (request: RenderRequestInput, frame: number, reduced: boolean): string => {
	const {timeline, inputProps} = computeRenderInput(request);
	const thumbnail = createElement(Thumbnail, {
		component: componentOf(request.template),
		inputProps,
		compositionWidth: timeline.width,
		compositionHeight: timeline.height,
		durationInFrames: timeline.durationInFrames,
		fps: timeline.fps,
		frameToDisplay: frame,
	});
	return renderToStaticMarkup(createElement(ReducedMotion.Provider, {value: reduced}, thumbnail));
};

const bills = [
	{template: 'telco-bill', bill: telcoFixtures['en-GB']},
	{template: 'utility-bill', bill: utilityFixtures['it-IT']},
	{template: 'payment-reminder', bill: reminderFixtures['en-GB']},
] as const;

/** Every scene of every format that is still moving a little after its fade-in, that frame and its settled one. */
const midEntrances = bills.flatMap((entry) =>
	videoFormats.flatMap((format) => {
		const request = {...entry, format} as RenderRequestInput;
		const {timeline} = computeRenderInput(request);
		return timeline.scenes.flatMap((scene) => {
			const settled = startingIn(timeline.staticHolds, scene)[0]?.from;
			const mid = scene.from + SCENE_FADE + 2;
			const moving = settled !== undefined && drawn(request, mid, false) !== drawn(request, settled, false);
			return moving ? [{name: `${entry.template} ${format} ${scene.id}`, request, mid, settled}] : [];
		});
	}),
);

describe('with reduced motion a scene stands in place: mid-entrance it is drawn as once settled', () => {
	it('covers the counting, rising, growing and popping scenes', () => {
		const names = midEntrances.map((entry) => entry.name);
		for (const name of ['telco-bill landscape total', 'telco-bill portrait breakdown', 'telco-bill square usage', 'utility-bill portrait consumption', 'payment-reminder landscape options', 'payment-reminder portrait close'])
			expect(names).toContain(name);
	});

	it.each(midEntrances)('$name', ({request, mid, settled}) => {
		expect(drawn(request, mid, true)).toBe(drawn(request, settled, true));
	});
});
