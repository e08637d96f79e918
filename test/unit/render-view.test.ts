import {describe, expect, it} from 'vitest';
import {renderView} from '../../server/renders/render-view';
import {makeWatchLinks} from '../../server/watch/watch-links';

describe('renderView', () => {
	it('answers the duration of a completed render to the millisecond, not as the long float frames / fps gives', () => {
		const watchLinks = makeWatchLinks({secret: 'w'.repeat(32), ttlDays: 60, publicBaseUrl: 'https://billcast.example'});
		const output = {durationInSeconds: 2215 / 30, frames: 2215, fps: 30, width: 640, height: 360, bytes: 430_909};
		const at = '2026-11-23T01:36:05.686Z';
		const view = renderView({id: 'acme_cust-1_2026-11_abc', tenant: 'acme', template: 'telco-bill', format: 'landscape', createdAt: at, updatedAt: at, status: 'completed', output}, 'https://billcast.example', watchLinks);
		expect(view).toMatchObject({status: 'completed', output: {durationInSeconds: 73.833, frames: 2215, fps: 30}});
		expect(JSON.stringify(view)).toContain('"durationInSeconds":73.833,');
	});
});
