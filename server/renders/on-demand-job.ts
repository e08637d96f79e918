import {renderJobSchema, type RenderJob} from './render-job';
import type {RenderProps, RenderRecord} from './render-record';

/**
 * The job of a render whose bill was accepted without one (its MP4 or poster on demand), rebuilt from the props kept
 * beside its record: the same template, format, scale and bill the id was made from.
 */
export const jobFromProps = (record: Pick<RenderRecord, 'id' | 'tenant'>, props: RenderProps): RenderJob =>
	renderJobSchema.parse({...props, scale: props.scale ?? 1, renderId: record.id, tenant: record.tenant});
