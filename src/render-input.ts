import type {VideoFormat} from './formats';
import type {SceneScript} from './scripts/script-types';
import type {SceneId} from './scene-ids';
import {templateOf, type TemplateBill, type TemplateId} from './templates/registry';
import type {Timeline} from './timeline';
import type {VideoNarration} from './narration/speech-timing';

// Type aliases, not interfaces: Remotion requires props assignable to Record<string, unknown>.
export type TemplateVideoProps<B> = {
	readonly bill: B;
	readonly format: VideoFormat;
	/** Present when the video speaks: its sound and the speech timings its scenes and captions follow. */
	readonly narration?: VideoNarration | undefined;
};

export type RenderRequestInput = TemplateBill & {readonly format: VideoFormat; readonly narration?: VideoNarration | undefined};

export interface RenderInput {
	readonly compositionId: string;
	readonly inputProps: TemplateVideoProps<TemplateBill['bill']>;
	readonly timeline: Timeline;
	readonly durationInFrames: number;
	readonly fps: number;
	readonly width: number;
	readonly height: number;
}

export const compositionIdFor = (template: TemplateId, format: VideoFormat): string => `${template}-${format}`;

/** The timeline of any template's bill. */
export const timelineFor = (input: RenderRequestInput): Timeline =>
	templateOf(input.template).timeline({bill: input.bill, format: input.format, speech: input.narration?.speech});

/** Every scene's strings of any template's bill, keyed by scene: what the captions and transcript say. */
export const scriptFor = (input: TemplateBill): Partial<Record<SceneId, SceneScript>> => templateOf(input.template).script(input.bill);

/**
 * Everything needed to show one bill video: called by the composition's calculateMetadata, the render worker and the
 * player page, so they always agree on duration, size and hotspots. The template's timeline
 * (`src/templates/<template>/<template>-timeline.ts`) times the scenes; `assembleTimeline` (`src/timeline.ts`) places
 * them and their hotspots.
 */
export const computeRenderInput = (input: RenderRequestInput): RenderInput => {
	const timeline = timelineFor(input);
	return {
		compositionId: compositionIdFor(input.template, input.format),
		inputProps: {bill: input.bill, format: input.format, ...(input.narration ? {narration: input.narration} : {})},
		timeline,
		durationInFrames: timeline.durationInFrames,
		fps: timeline.fps,
		width: timeline.width,
		height: timeline.height,
	};
};
