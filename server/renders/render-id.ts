import {createHash} from 'node:crypto';
import {templateOf} from '../../src/templates/registry';
import type {RenderJob} from './render-job';

const safe = (part: string): string => part.replace(/[^A-Za-z0-9._-]/g, '-');

/**
 * Render ids double as BullMQ job ids, which may not contain ":" or be all digits. Built from tenant, customer and
 * period (a reminder's date) so they are readable in logs and dashboards, plus a digest of the request so the same bill sent twice is
 * the same render while a corrected bill is a new one.
 */
export const buildRenderId = ({tenant, template, format, scale, bill}: Omit<RenderJob, 'renderId'>): string => {
	const digest = createHash('sha256').update(JSON.stringify({template, format, scale, bill})).digest('hex').slice(0, 12);
	const day = templateOf(template).day(bill);
	return [tenant, bill.customer.id, day, digest].map(safe).join('_');
};
