import type {CalculateMetadataFunction} from 'remotion';
import {computeRenderInput, type RenderRequestInput, type TemplateVideoProps} from '../src/render-input';
import type {BillOf, TemplateId} from '../src/templates/registry';

/** Duration and size of any template's video, from the same function the worker and the player call. */
export const calculateMetadataFor =
	<T extends TemplateId>(template: T): CalculateMetadataFunction<TemplateVideoProps<BillOf<T>>> =>
	({props}) => {
		const {durationInFrames, fps, width, height} = computeRenderInput({template, bill: props.bill, format: props.format, narration: props.narration} as RenderRequestInput);
		return {durationInFrames, fps, width, height};
	};
