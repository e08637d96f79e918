import {describe, expect, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {prepareRenderJob} from '../../server/renders/prepare-render-job';
import {DEV_TENANT} from '../../server/tenants/tenant-registry';

const prepare = (extra: Record<string, unknown>) => prepareRenderJob(DEV_TENANT, {template: 'telco-bill', bill: sampleTelcoBill, ...extra});

describe('a render request chooses its outputs', () => {
	it('renders the MP4 and poster when accepted unless told otherwise, as before outputs could be chosen', () => {
		const prepared = prepare({});
		expect(prepared.ok && prepared.outputs).toEqual({mp4: 'render', poster: 'render'});
		expect(prepare({outputs: {mp4: 'on-demand'}})).toMatchObject({ok: true, outputs: {mp4: 'on-demand', poster: 'render'}});
	});

	it('keeps the choice out of the job and the render id: the same bill is the same video whenever it is made', () => {
		const now = prepare({});
		const later = prepare({outputs: {mp4: 'on-demand', poster: 'on-demand'}});
		if (!now.ok || !later.ok) throw new Error('refused');
		expect(later.job).toEqual(now.job);
		expect(later.job).not.toHaveProperty('outputs');
	});

	it('names the field of an unknown output or mode', () => {
		expect(prepare({outputs: {mp4: 'later'}})).toMatchObject({ok: false, errors: [{path: 'outputs.mp4'}]});
		expect(prepare({outputs: {gif: 'render'}})).toMatchObject({ok: false, errors: [{path: 'outputs.gif', message: 'unrecognized key'}]});
	});
});
