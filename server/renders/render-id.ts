import {createHash} from 'node:crypto';
import {templateOf} from '../../src/templates/registry';
import type {VideoFormat} from '../../src/formats';
import type {RenderJob} from './render-job';
import type {RenderProps} from './render-record';

const safe = (part: string): string => part.replace(/[^A-Za-z0-9._-]/g, '-');

const readableId = ({tenant, template, bill}: Pick<RenderJob, 'tenant' | 'template' | 'bill'>, digested: object): string => {
	const digest = createHash('sha256').update(JSON.stringify(digested)).digest('hex').slice(0, 12);
	const day = templateOf(template).day(bill);
	return [tenant, bill.customer.id, day, digest].map(safe).join('_');
};

/**
 * Render ids double as BullMQ job ids, which may not contain ":" or be all digits. Built from tenant, customer and
 * period (a reminder's date) so they are readable in logs and dashboards, plus a digest of the request so the same bill sent twice is
 * the same render while a corrected bill is a new one.
 */
export const buildRenderId = ({tenant, template, format, scale, bill}: Omit<RenderJob, 'renderId'>): string =>
	readableId({tenant, template, bill}, {template, format, scale, bill});

/**
 * The bill itself, whatever format or scale it was rendered in: what a customer pays. Its renders share it, so a
 * payment confirmed through any of them is the bill's.
 */
export const buildBillId = ({tenant, template, bill}: Pick<RenderJob, 'tenant' | 'template' | 'bill'>): string =>
	readableId({tenant, template, bill}, {template, bill});

/** The id of the same bill rendered in another format: same tenant, template, scale and bill. */
export const renderIdInFormat = (tenant: string, props: RenderProps, format: VideoFormat): string =>
	buildRenderId({...props, tenant, format, scale: props.scale ?? 1});
