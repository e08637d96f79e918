import {describe, expect, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {watchDataSchema, type WatchData} from '../../src/watch-data';

describe('the watch data the server sends the player', () => {
	const data: WatchData = {
		template: 'telco-bill',
		format: 'portrait',
		bill: sampleTelcoBill,
		paid: {amount: 4250, currency: 'EUR', paidAt: '2026-11-21T10:00:00.000Z'},
		links: {events: '/v1/watch/t/events', 'video.mp4': '/v1/watch/t/video.mp4', formats: {landscape: {'video.mp4': '/v1/watch/t/formats/landscape/video.mp4'}}},
	};

	it('accepts what the watch route builds', () => {
		expect(watchDataSchema.safeParse(data).success).toBe(true);
	});

	it('keeps the narration, which the player speaks with (a parse used to strip it)', () => {
		const narration = {audioSrc: '/v1/watch/t/narration.m4a', speech: [{sceneId: 'greeting' as const, durationMs: 1800, sentences: [{text: 'Hi Giulia.', startMs: 0, endMs: 1800}]}]};
		expect(watchDataSchema.parse({...data, narration}).narration).toEqual(narration);
		const parsed = watchDataSchema.safeParse({...data, narration: {...narration, speech: [{...narration.speech[0], sceneId: 'intro'}]}});
		expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['narration.speech.0.sceneId']);
	});

	it('says when the voice is on its way, which a silent video never says', () => {
		expect(watchDataSchema.parse({...data, narrationPending: true}).narrationPending).toBe(true);
		expect(watchDataSchema.parse(data).narrationPending).toBeUndefined();
		expect(watchDataSchema.safeParse({...data, narrationPending: false}).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['narrationPending']);
	});

	it('carries the viewing day the player reads a due bill by, as a date', () => {
		expect(watchDataSchema.parse({...data, today: '2026-12-03'}).today).toBe('2026-12-03');
		expect(watchDataSchema.safeParse({...data, today: '2026-12-03T10:00:00Z'}).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['today']);
	});

	it('names the field when the shape drifts', () => {
		const parsed = watchDataSchema.safeParse({...data, links: {...data.links, formats: {square: {'video.mp4': 7}}}});
		expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['links.formats.square.video.mp4']);
	});
});
