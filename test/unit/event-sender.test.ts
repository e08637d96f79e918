import {afterEach, describe, expect, it, vi} from 'vitest';
import {makeEventSender} from '../../public/src/event-sender';

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('the event sender', () => {
	it('sends once-per-viewing events once (per hotspot) and clicks every time', () => {
		const bodies: string[] = [];
		vi.stubGlobal('navigator', {sendBeacon: (_url: string, body: string) => bodies.push(body) > 0});
		const send = makeEventSender('/v1/watch/t/events');
		send({type: 'progress_25'});
		send({type: 'progress_25'});
		send({type: 'hotspot_shown', hotspot: 'pay'});
		send({type: 'hotspot_shown', hotspot: 'pay'});
		send({type: 'hotspot_shown', hotspot: 'mail'});
		send({type: 'pay_clicked', hotspot: 'pay'});
		send({type: 'pay_clicked', hotspot: 'pay'});
		expect(bodies.map((body) => JSON.parse(body) as unknown)).toEqual([
			{type: 'progress_25'},
			{type: 'hotspot_shown', hotspot: 'pay'},
			{type: 'hotspot_shown', hotspot: 'mail'},
			{type: 'pay_clicked', hotspot: 'pay'},
			{type: 'pay_clicked', hotspot: 'pay'},
		]);
	});
});
