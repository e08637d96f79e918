import {vi} from 'vitest';
import type {WatchData} from '../../src/watch-data';

/** The watch data's address for a render's watch link (`/w/<token>` → `/v1/watch/<token>`), as the player asks for it. */
export const watchDataUrl = (baseUrl: string, watchLink: string): string => `${baseUrl}/v1/watch/${new URL(watchLink).pathname.split('/').at(-1)}`;

export type NarratedWatchData = WatchData & {narration: NonNullable<WatchData['narration']>};

/** Polls the watch data until it carries the narration; fails past `timeoutMs`. */
export const untilNarrated = (url: string, timeoutMs = 60_000): Promise<NarratedWatchData> =>
	vi.waitFor(
		async () => {
			const data = (await (await fetch(url)).json()) as WatchData;
			if (!data.narration) throw new Error(`${url} has no narration after ${timeoutMs} ms`);
			return {...data, narration: data.narration};
		},
		{timeout: timeoutMs},
	);
