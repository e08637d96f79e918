import type {WatchData} from '../../src/watch-data';

/** The watch data's address for a render's watch link (`/w/<token>` → `/v1/watch/<token>`), as the player asks for it. */
export const watchDataUrl = (baseUrl: string, watchLink: string): string => `${baseUrl}/v1/watch/${new URL(watchLink).pathname.split('/').at(-1)}`;

export type NarratedWatchData = WatchData & {narration: NonNullable<WatchData['narration']>};

/** Polls the watch data until it carries the narration; fails past `timeoutMs`. */
export const untilNarrated = async (url: string, timeoutMs = 60_000): Promise<NarratedWatchData> => {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const data = (await (await fetch(url)).json()) as WatchData;
		if (data.narration) return {...data, narration: data.narration};
		if (Date.now() > deadline) throw new Error(`${url} has no narration after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
};
