import type {SceneSpeech} from '../../src/narration';
import type {RenderRequestInput} from '../../src/render-input';
import type {VideoFormat} from '../../src/formats';
import type {TemplateId} from '../../src/templates/registry';

export interface RenderOutput {
	readonly durationInSeconds: number;
	readonly frames: number;
	readonly fps: number;
	readonly width: number;
	readonly height: number;
	readonly bytes: number;
	/** When the video speaks: the measured speech its timeline was sized by, for the player to size the same timeline. */
	readonly speech?: readonly SceneSpeech[];
}

export interface RenderErrorValue {
	readonly code: string;
	readonly message: string;
}

export const outputModes = ['render', 'on-demand'] as const;
type OutputMode = (typeof outputModes)[number];

/** When the render's files are made: on acceptance (`render`) or at the first request for them (`on-demand`). */
export interface RenderOutputs {
	readonly mp4: OutputMode;
	readonly poster: OutputMode;
}

/** Records written before outputs could be chosen rendered everything at once. */
export const outputsOf = (record: RenderRecord): RenderOutputs => record.outputs ?? {mp4: 'render', poster: 'render'};

interface RenderBase {
	readonly id: string;
	readonly tenant: string;
	readonly template: TemplateId;
	readonly format: VideoFormat;
	readonly createdAt: string;
	readonly updatedAt: string;
	readonly outputs?: RenderOutputs;
}

/**
 * One render's state: a completed render always has its output, a failed one its error, never both. `on-demand` is a
 * bill accepted whose MP4 nobody has asked for yet; the first request moves it to `queued`, once.
 */
export type RenderRecord =
	| (RenderBase & {readonly status: 'on-demand'})
	| (RenderBase & {readonly status: 'queued'; readonly attempt: number})
	| (RenderBase & {readonly status: 'rendering'; readonly progress: number; readonly attempt: number})
	| (RenderBase & {readonly status: 'completed'; readonly output: RenderOutput})
	| (RenderBase & {readonly status: 'failed'; readonly error: RenderErrorValue});

export const progressOf = (record: RenderRecord): number =>
	record.status === 'completed' ? 1 : record.status === 'rendering' ? record.progress : 0;

/**
 * The template, format, bill and scale a render was made from, kept beside its record so the watch page and the player
 * show the same bill, and the same bill's renders in other formats can be found by their ids.
 */
export type RenderProps = RenderRequestInput & {readonly scale?: number | undefined};
