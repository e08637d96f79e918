import {PlayerFetchError, type WatchData} from './watch-data';

/**
 * How often to ask for a narration on its way: soon after the page opened (it is usually made within seconds), then
 * further apart, at most every 20 s, and no more than 30 times (about nine minutes of the page in view).
 */
export const NARRATION_POLL = {firstMs: 2_000, factor: 1.5, maxMs: 20_000, attempts: 30} as const;

/** The wait before ask number `attempt` (from 0). */
export const narrationPollDelay = (attempt: number): number => Math.min(NARRATION_POLL.maxMs, Math.round(NARRATION_POLL.firstMs * NARRATION_POLL.factor ** attempt));

/** Asking again cannot help: the link is not valid or has expired. A busy or failing server may answer next time. */
const isFinal = (error: unknown): boolean => error instanceof PlayerFetchError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;

/** The page whose visibility pauses the asking: `document`, or a stand-in in tests. */
export type VisiblePage = Pick<Document, 'hidden'> & EventTarget;

/**
 * Asks for the watch data until it carries the narration, then hands it over once. Stops for good when the answer says
 * the video will stay silent (no narration and no longer pending), when the link is no longer valid, or after
 * `attempts` asks; pauses while the page is hidden and asks at once when it is shown again. Returns the stop.
 */
export const pollForNarration = ({
	load,
	onArrived,
	page = document,
	attempts = NARRATION_POLL.attempts,
}: {
	load: () => Promise<WatchData>;
	onArrived: (data: WatchData) => void;
	page?: VisiblePage;
	attempts?: number;
}): (() => void) => {
	let asked = 0;
	let stopped = false;
	let asking = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stop = () => {
		stopped = true;
		clearTimeout(timer);
		page.removeEventListener('visibilitychange', onVisibility);
	};
	const schedule = () => {
		if (stopped || page.hidden) return;
		if (asked >= attempts) return stop();
		timer = setTimeout(ask, narrationPollDelay(asked));
	};
	const ask = async () => {
		timer = undefined;
		if (stopped || page.hidden) return;
		asked += 1;
		asking = true;
		try {
			const data = await load();
			if (stopped) return;
			if (data.narration) {
				stop();
				onArrived(data);
				return;
			}
			if (!data.narrationPending) return stop();
		} catch (error) {
			if (isFinal(error)) return stop();
		} finally {
			asking = false;
		}
		schedule();
	};
	const onVisibility = () => {
		if (page.hidden) {
			clearTimeout(timer);
			timer = undefined;
		} else if (!timer && !asking && !stopped) {
			// The narration may have come while the page was away: look now rather than after the next wait.
			if (asked >= attempts) stop();
			else void ask();
		}
	};
	page.addEventListener('visibilitychange', onVisibility);
	schedule();
	return stop;
};
