import type {Bill} from './bill-schema';
import type {VideoFormat} from './formats';
import type {TemplateId} from './templates';
import {buildTimeline, type Timeline} from './timeline';

// A type alias, not an interface: Remotion requires props assignable to Record<string, unknown>.
export type BillVideoProps = {
	readonly bill: Bill;
	readonly format: VideoFormat;
};

export interface RenderInput {
	readonly compositionId: string;
	readonly inputProps: BillVideoProps;
	readonly timeline: Timeline;
	readonly durationInFrames: number;
	readonly fps: number;
	readonly width: number;
	readonly height: number;
}

export const compositionIdFor = (template: TemplateId, format: VideoFormat): string => `${template}-${format}`;

/**
 * Everything needed to show one bill video: called by the composition's calculateMetadata, the render worker and the
 * player page, so they always agree on duration, size and hotspots.
 */
export const computeRenderInput = ({
	template,
	bill,
	format,
}: {
	template: TemplateId;
	bill: Bill;
	format: VideoFormat;
}): RenderInput => {
	const timeline = buildTimeline({bill, format});
	return {
		compositionId: compositionIdFor(template, format),
		inputProps: {bill, format},
		timeline,
		durationInFrames: timeline.durationInFrames,
		fps: timeline.fps,
		width: timeline.width,
		height: timeline.height,
	};
};
