import type {CalculateMetadataFunction} from 'remotion';
import {computeRenderInput, type BillVideoProps} from '../../src/render-input';

export const calculateTelcoBillMetadata: CalculateMetadataFunction<BillVideoProps> = ({props}) => {
	const {durationInFrames, fps, width, height} = computeRenderInput({
		template: 'telco-bill',
		bill: props.bill,
		format: props.format,
	});
	return {durationInFrames, fps, width, height};
};
