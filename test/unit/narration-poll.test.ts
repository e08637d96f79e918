import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {NARRATION_POLL, narrationPollDelay, pollForNarration} from '../../public/src/narration-poll';
import {PlayerFetchError, type WatchData} from '../../public/src/watch-data';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';

const base: WatchData = {template: 'telco-bill', format: 'landscape', bill: sampleTelcoBill, links: {events: '/v1/watch/t/events'}};
const pending: WatchData = {...base, narrationPending: true};
const narrated: WatchData = {...base, narration: {audioSrc: '/v1/watch/t/narration.m4a', speech: []}};

/** A page whose visibility the test sets, as a browser's document would report it. */
const makePage = () => {
	const page = Object.assign(new EventTarget(), {hidden: false});
	const setHidden = (hidden: boolean) => {
		page.hidden = hidden;
		page.dispatchEvent(new Event('visibilitychange'));
	};
	return {page, setHidden};
};

/** A server that answers each ask with the next of `answers` (the last one again once they run out). */
const makeServer = (answers: ReadonlyArray<WatchData | Error>) => {
	let asked = 0;
	const load = async () => {
		const answer = answers[Math.min(asked, answers.length - 1)]!;
		asked += 1;
		if (answer instanceof Error) throw answer;
		return answer;
	};
	return {load, asked: () => asked};
};

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('narrationPollDelay', () => {
	it('starts soon, grows by half each time, and never waits more than 20 s', () => {
		const delays = Array.from({length: NARRATION_POLL.attempts}, (_, attempt) => narrationPollDelay(attempt));
		expect(delays.slice(0, 4)).toEqual([2_000, 3_000, 4_500, 6_750]);
		expect(Math.max(...delays)).toBe(20_000);
		for (let index = 1; index < delays.length; index++) expect(delays[index]).toBeGreaterThanOrEqual(delays[index - 1]!);
		// All the asks together: minutes of waiting for a voice that is late, not forever.
		const total = delays.reduce((sum, delay) => sum + delay, 0);
		expect(total / 60_000).toBeGreaterThan(5);
		expect(total / 60_000).toBeLessThan(10);
	});
});

describe('pollForNarration', () => {
	it('hands the narration over once when it arrives, and asks no more', async () => {
		const {page} = makePage();
		const server = makeServer([pending, pending, narrated]);
		const arrived: WatchData[] = [];
		pollForNarration({load: server.load, onArrived: (data) => arrived.push(data), page});
		await vi.advanceTimersByTimeAsync(2_000 + 3_000);
		expect([server.asked(), arrived.length]).toEqual([2, 0]);
		await vi.advanceTimersByTimeAsync(4_500);
		expect(arrived).toEqual([narrated]);
		await vi.advanceTimersByTimeAsync(120_000);
		expect([server.asked(), arrived.length]).toEqual([3, 1]);
	});

	it('stops when the answer says the video stays silent (narration off, render failed)', async () => {
		const {page} = makePage();
		const server = makeServer([pending, base]);
		const onArrived = vi.fn();
		pollForNarration({load: server.load, onArrived, page});
		await vi.advanceTimersByTimeAsync(600_000);
		expect(server.asked()).toBe(2);
		expect(onArrived).not.toHaveBeenCalled();
	});

	it('stops at a link that is no longer valid, but asks again after a server error', async () => {
		const {page} = makePage();
		const expired = makeServer([new PlayerFetchError('/v1/watch/t', 410)]);
		pollForNarration({load: expired.load, onArrived: vi.fn(), page});
		await vi.advanceTimersByTimeAsync(600_000);
		expect(expired.asked()).toBe(1);

		const busy = makeServer([new PlayerFetchError('/v1/watch/t', 503), new TypeError('Failed to fetch'), narrated]);
		const arrived: WatchData[] = [];
		pollForNarration({load: busy.load, onArrived: (data) => arrived.push(data), page});
		await vi.advanceTimersByTimeAsync(2_000 + 3_000 + 4_500);
		expect([busy.asked(), arrived]).toEqual([3, [narrated]]);
	});

	it('gives up after its last ask when the voice never comes', async () => {
		const {page} = makePage();
		const server = makeServer([pending]);
		pollForNarration({load: server.load, onArrived: vi.fn(), page, attempts: 5});
		await vi.advanceTimersByTimeAsync(3_600_000);
		expect(server.asked()).toBe(5);
	});

	it('asks nothing while the page is hidden, and asks at once when it is shown again', async () => {
		const {page, setHidden} = makePage();
		const server = makeServer([pending, narrated]);
		const arrived: WatchData[] = [];
		pollForNarration({load: server.load, onArrived: (data) => arrived.push(data), page});
		await vi.advanceTimersByTimeAsync(2_000);
		expect(server.asked()).toBe(1);
		setHidden(true);
		await vi.advanceTimersByTimeAsync(600_000);
		expect(server.asked()).toBe(1);
		setHidden(false);
		await vi.advanceTimersByTimeAsync(0);
		expect([server.asked(), arrived]).toEqual([2, [narrated]]);
	});

	it('stops when the player goes away', async () => {
		const {page, setHidden} = makePage();
		const server = makeServer([pending]);
		const stop = pollForNarration({load: server.load, onArrived: vi.fn(), page});
		await vi.advanceTimersByTimeAsync(2_000);
		stop();
		setHidden(true);
		setHidden(false);
		await vi.advanceTimersByTimeAsync(600_000);
		expect(server.asked()).toBe(1);
	});
});
